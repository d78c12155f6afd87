#pragma once
// Improvement scenarios for the capacity model: the baseline plus the typed edits of
// geo/scenario/edits.h (raise FAR, redevelop, standard factory, facilities added, moved or
// removed, an extended boundary, an upgraded capacity), applied to a copy of the inputs the
// same way by the GUI and the CLI. A moved or removed facility takes what it offers (a
// dormitory's beds) with it.
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
