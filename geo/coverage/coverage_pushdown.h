#pragma once
// Straight-line coverage counted by PostGIS over an enterprises table that is never loaded (a
// city registry of millions stays in its database). The facilities, as the project loaded them
// (in the working CRS, web-map coordinates converted, a scenario's edits applied), and the
// repaired parks go into temporary tables with a GiST index; each enterprise is transformed to
// the working CRS, takes the first park that contains it (as in memory) and its nearest facility
// of each type through the KNN operator (<-> in a LATERAL join); the database returns sums by
// park, cluster and tier, the same rows as coverage_summary gives in memory.
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/coverage/service_radii.h"
#include "geo/coverage/straight_coverage.h"
#include "geo/project/loaded_project.h"

namespace geo {

struct CoverageTotals {
    // As coverage_summary gives them: one row per group, type and radius. Clusters and tiers
    // are empty when the table has no field for them.
    std::vector<CoverageRow> parks, clusters, tiers;
    int64_t enterprises = 0;
    std::vector<std::string> warnings;  // facility types the radius table does not know
};

struct CoveragePushdown {
    const LoadedLayer* parks = nullptr;   // may be null: no park table
    std::vector<std::string> park_names;  // each park's, then "(outside every park)" (park_group_names)
    const Layer* facilities = nullptr;    // in the working CRS
    const Column* facility_type = nullptr;
    std::vector<FacilityType> types;
    std::string working_crs;              // "EPSG:4545": its SRID must be in spatial_ref_sys
};

// Throws geo::Error naming the connection (without password) and table when the enterprises
// are not a PostGIS table, have no geometry column or an SRID of 0, or the database fails.
CoverageTotals coverage_in_database(const ProjectLayer& enterprises, const CoveragePushdown& in);

}  // namespace geo
