#pragma once
// The coverage analysis's settings, one struct for the panel and the command: read from and
// written to the project's "analysis.coverage", defaults here and nowhere else.
//
// "analysis": {"coverage": {"radii_table": "../standards/facility_service_radii.csv",
//   "radii": [{"facility_type": "canteen", "facility_type_zh": "食堂/便利店", "service_radius_m": 500}, ...],
//   "network": false, "attach_limit_m": 500, "walk_off_m": 50}}
//
// The radii are the inline list when there is one (the panel writes the planner's edits
// there), else the table named by path (relative to the project file).
#include <string>
#include <vector>

#include "geo/coverage/service_radii.h"
#include "geo/project/project.h"

namespace geo {

struct CoverageSettings {
    std::vector<FacilityType> types;  // the service radii in use; empty when the project names none
    std::string radii_table;          // as the project names it; "" when it names none
    bool network = false;             // also measure along the roads
    double attach_limit_m = 500;      // farther than this from every road: not attached (counted)
    double walk_off_m = 50;           // width of a drawn road service area on each side
};

// Throws geo::Error naming the key, or the table's file, line and column.
CoverageSettings coverage_settings(const Project& project);
// Inline radii are written only when `inline_radii` (the planner edited them); the table's
// name is always kept.
Json to_json(const CoverageSettings& settings, bool inline_radii);

}  // namespace geo
