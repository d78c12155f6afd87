#pragma once
// Improvement scenarios: the baseline plus edits, kept in the project under "scenarios"
// ({"name": ..., "edits": [...]}) and applied to a copy of the inputs, the same way by the
// GUI and the CLI. Edits ("type"):
//   raise_far         {"park": P, "far": F} (the park and its sites below F) or {"sites": [S...], "far": F}
//   redevelop         {"park": P, "far": F (optional: the park's FAR)}: under-used plots rebuilt to F
//   standard_factory  {"site": S, "storeys": N, "footprint_m2": A, "beds": B (optional)}
//   add_facility      {"facility_type": T, "lon": X, "lat": Y (WGS 84), "capacity": C (optional)}
//   extend_boundary   {"park": P, "ring": [[lon, lat], ...]} (WGS 84; joined to the park)
//   upgrade_capacity  {"park": P, "factor": F, "add": A} or {..., "set": V}
// P is a park's name or code, S a site's name. Edits with "op" belong to the coverage what-if
// and are left out here (with a note).
#include <string>
#include <vector>

#include "geo/capacity/capacity_input.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/io/crs.h"
#include "geo/project/project.h"

namespace geo {

// The names of the project's scenarios, in order.
std::vector<std::string> scenario_names(const Project& project);

// Applies the scenario's edits to `in` and `tables`. `working` is the CRS of `in`. Throws
// geo::Error naming the project file and the edit ("scenarios[1].edits[0].park") for an
// unknown scenario, park, site or factor, a bad number, or an edit of unknown type.
void apply_scenario(const Project& project, const std::string& name, const Crs& working, CapacityInput& in, CapacityTables& tables,
                    std::vector<std::string>& notes);

}  // namespace geo
