#pragma once
// Enterprises and employees per park counted by PostGIS, where the enterprises are a table:
// they are never loaded (a city registry of millions of rows stays where it is). The parks as
// loaded (repaired, in the working CRS, from any source) go into a temporary table and are
// transformed to the enterprises' SRID, so the enterprises' spatial index does the work. Each
// enterprise counts in the first park that contains it, as the in-memory count does.
#include <optional>

#include "geo/project/loaded_project.h"
#include "geo/report/project_info.h"

namespace geo {

// nullopt when the enterprises are not a PostGIS table. `parks` is the loaded parks layer;
// `enterprises` the project's enterprises layer; `working_crs` the project's ("EPSG:4545").
// Throws geo::Error naming the connection (without password) and the problem.
std::optional<ParkTally> park_tally_in_database(const LoadedLayer& parks, const ProjectLayer& enterprises, const std::string& working_crs);

// The rows of a layer that is a PostGIS table (without reading them), or -1 when it is not
// one or cannot be counted. For choosing the push-down above a size.
int64_t database_rows(const ProjectLayer& layer);

}  // namespace geo
