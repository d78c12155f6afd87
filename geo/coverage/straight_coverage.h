#pragma once
// Straight-line coverage: for every enterprise and every facility type, the nearest facility
// of that type (a k-d tree per type, never all pairs) and its distance; covered means within
// the type's service radius. Summaries by park, cluster or tier count enterprises and
// employees covered. Service areas are each type's buffers dissolved into one polygon.
#include <functional>
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/core/progress.h"
#include "geo/coverage/service_radii.h"

namespace geo {

struct TypeCoverage {
    FacilityType type;
    size_t facilities = 0;
    std::vector<double> distance;   // per enterprise; infinity when the type has no facility
    std::vector<int64_t> nearest;   // per enterprise: the facility's fid, -1 when none
};

struct CoverageResult {
    std::vector<TypeCoverage> types;     // in the order of the radius table
    std::vector<std::string> warnings;   // facility types without a radius, facilities without a type
};

class RoadNetwork;

struct NetworkCoverage {
    // [type][enterprise]: network metres, exact up to the type's largest radius; infinity beyond
    // it or when unreached (the search stops there, so a longer figure could be wrong).
    std::vector<std::vector<double>> distance;
    std::vector<double> attach_m;               // per enterprise; NaN when farther than the limit from any road
    size_t unattached_enterprises = 0;
    size_t unattached_facilities = 0;
    size_t components = 0;                      // disconnected parts of the network
};

// `network_distance` when it is within `cutoff`, else infinity: a bounded search's figure
// beyond its bound is not the shortest path (a 1,642 m reported for a 1,243.8 m path).
double within_cutoff(double network_distance, double cutoff);

// Network distances for the same types (each searched no farther than its largest radius).
// Enterprises and facilities farther than `attach_limit_m` from any road are not attached:
// counted, never silently placed.
NetworkCoverage network_coverage(const GeometryColumn& enterprises, const Layer& facilities, const Column& facility_type,
                                 const std::vector<FacilityType>& types, const RoadNetwork& network, double attach_limit_m,
                                 const Progress& progress = {});

// Facility indices per type of `types` (by code or Chinese name); with `warnings`, the types the
// table does not know and the facilities without a type are named there.
std::vector<std::vector<uint32_t>> facilities_by_type(const Column& type_column, const std::vector<FacilityType>& types,
                                                      std::vector<std::string>* warnings);

// `facility_type` holds each facility's type (code or Chinese name). Types the table does
// not know are left out with a warning naming them and their count; so are facilities
// whose type is empty.
// Without `keep_nearest`, TypeCoverage::nearest stays empty (the distances are all a caller
// such as the capacity model reads: ten million enterprises' nearest ids are 80 MB a type).
CoverageResult straight_line_coverage(const GeometryColumn& enterprises, const Layer& facilities, const Column& facility_type,
                                      const std::vector<FacilityType>& types, const Progress& progress = {}, bool keep_nearest = true);
// The same, handing each type's coverage to `take` as soon as it is computed (only one type's
// distances are in memory at a time); returns the warnings.
std::vector<std::string> straight_line_coverage_each(const GeometryColumn& enterprises, const Layer& facilities, const Column& facility_type,
                                                     const std::vector<FacilityType>& types, const Progress& progress, bool keep_nearest,
                                                     const std::function<void(TypeCoverage&&)>& take);

struct CoverageRow {
    std::string group;
    std::string type;
    double radius_m = 0;
    int64_t enterprises = 0, covered = 0;
    double employees = 0, employees_covered = 0;
};

// One row per group, type and radius. `group_of` gives each enterprise's group (-1: none,
// left out), `employees` may be null (then employee sums are 0).
std::vector<CoverageRow> coverage_summary(const CoverageResult& result, const std::vector<int32_t>& group_of,
                                          const std::vector<std::string>& group_names, const Column* employees);

// One polygon per type and radius: the union of the facilities' discs. Fields type, type_zh,
// radius_m, facilities, area_km2.
Layer service_areas(const Layer& facilities, const Column& facility_type, const std::vector<FacilityType>& types);

}  // namespace geo
