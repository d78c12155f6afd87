#pragma once
// Enterprises and employees per park counted by PostGIS, where the parks and the enterprises
// are tables of one database: the enterprises are never loaded (a city registry of millions
// of rows stays where it is). Each enterprise counts in the first park (lowest feature id)
// that contains it, as the in-memory count does; the parks are transformed to the
// enterprises' SRID so the enterprises' spatial index does the work.
#include <optional>

#include "geo/project/loaded_project.h"
#include "geo/report/project_info.h"

namespace geo {

// nullopt when the two layers are not tables of one PostGIS connection. `parks` is the
// loaded parks layer (for its feature order); `enterprises` the project's enterprises layer.
// Throws geo::Error naming the connection (without password) and the problem.
std::optional<ParkTally> park_tally_in_database(const LoadedLayer& parks, const ProjectLayer& enterprises);

// The rows of a layer that is a PostGIS table (without reading them), or -1 when it is not
// one or cannot be counted. For choosing the push-down above a size.
int64_t database_rows(const ProjectLayer& layer);

}  // namespace geo
