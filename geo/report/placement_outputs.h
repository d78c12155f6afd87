#pragma once
// The tables, layer and summary of a placement run, for the command and a panel alike.
#include <string>
#include <vector>

#include "geo/allocate/placement_input.h"
#include "geo/core/layer.h"
#include "geo/report/csv_table.h"

namespace geo {

// applicant, cluster, tier, jobs, site, park, floor_m2, score and its five parts.
CsvTable placements_table(const PlacementInput& in, const PlacementResult& r);
// applicant, cluster, tier, jobs, need_m2, reason.
CsvTable unplaced_table(const PlacementInput& in, const PlacementResult& r);
// Points on the sites: applicant, cluster, tier, jobs, site, park, score.
Layer placements_layer(const PlacementInput& in, const PlacementResult& r);
std::vector<std::string> placement_summary(const PlacementInput& in, const PlacementResult& r);

}  // namespace geo
