#pragma once
// The layers and tables of a coverage analysis, built once for the command's files and the
// panel alike: the enterprises with their distances and coverage flags, the gap areas and
// suggested sites per type, and the coverage tables by park, cluster or tier.
#include <cstddef>
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/coverage/straight_coverage.h"
#include "geo/project/loaded_project.h"
#include "geo/report/csv_table.h"

namespace geo {

// Where coverage falls short, per type at its largest radius (measured by `result`, the road
// distances when the analysis had them): gap areas (gaps.h) and the best single new site.
struct CoverageGaps {
    Layer gap_areas;        // type, radius_m, uncovered_enterprises, uncovered_employees
    Layer suggested_sites;  // type, radius_m, covers_enterprises, covers_employees
};
CoverageGaps coverage_gaps(const LoadedLayer& firms, const CoverageResult& result);

// The enterprises with `name` (when bound), `attach_m` (by road), then per type d_<type>
// metres and c_<type>_<radius> 0/1, and with the network n_<type> and nc_<type>_<radius>;
// last `uncovered`, the types each lacks at the type's largest radius, by road when measured
// ("bus_stop,canteen"; null when covered for all). Distances to 0.1 m; a distance that is
// unknown (no facility, beyond a road search) is null. Rows [begin, end) of the enterprises
// only, so that a long layer is built and written a chunk at a time (end 0: none, the schema).
Layer enterprises_coverage_layer(const LoadedLayer& firms, const CoverageResult& straight, const NetworkCoverage* by_road,
                                 size_t begin, size_t end);

// How enterprises are grouped for a table: one group index per enterprise (-1: left out).
struct Grouping {
    std::string label;                // the table's first column: "park", "cluster", "tier"
    std::vector<int32_t> group_of;
    std::vector<std::string> names;
};
// By park ("(outside every park)" last); nullopt-like empty grouping without parks.
Grouping park_grouping(const LoadedProject& project, const LoadedLayer& firms);
// By the enterprises' field bound to `meaning` ("(none)" for empty values); empty names when
// the layer has no such field.
Grouping category_grouping(const LoadedLayer& firms, const std::string& meaning);

// The park groups' names: each park's name (or "fid N"), then "(outside every park)"; empty
// without parks.
std::vector<std::string> park_group_names(const LoadedProject& project);

// The table of summary rows (coverage_summary's, or the database's, geo/coverage/coverage_pushdown.h).
CsvTable coverage_rows_table(const std::string& label, const std::vector<CoverageRow>& rows, const std::vector<CoverageRow>* road_rows);

// One row per group, type and radius: enterprises, covered, shares, employees; with
// `by_road`, the same by road and the enterprises covered in a straight line but not by road.
CsvTable coverage_table(const Grouping& grouping, const CoverageResult& straight, const CoverageResult* by_road,
                        const Column* employees);

}  // namespace geo
