#pragma once
// Incoming enterprises (add_enterprise edits) appended to a copy of the enterprises layer, so
// that coverage counts them as demand like any other enterprise. The capacity model applies
// the same edits to its own input (geo/capacity/scenario.cpp).
#include "geo/io/crs.h"
#include "geo/project/loaded_project.h"
#include "geo/scenario/edits.h"

namespace geo {

// `firms` in `working`; each add_enterprise edit becomes a point at its lon/lat with a fid
// after the largest, its name, cluster, tier, employees, floor and land area in the fields
// bound to those meanings (other fields null). Edits of other kinds are ignored; the layer's
// data is shared, not copied, when the scenario adds none.
LoadedLayer apply_enterprise_edits(const LoadedLayer& firms, const Scenario& scenario, const Crs& working);

size_t incoming_enterprises(const Scenario& scenario);

}  // namespace geo
