#pragma once
// Facility edits (add, move, remove) applied to a copy of a facilities layer, for every
// analysis that reads facilities: coverage (`parkcap coverage --scenario`, the panel's
// what-if) and the capacity model (a moved dormitory takes its beds to the park it lands in).
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/coverage/service_radii.h"
#include "geo/io/crs.h"
#include "geo/project/loaded_project.h"
#include "geo/scenario/edits.h"

namespace geo {

// `facilities` is the layer with id `layer_id`, in `working`; `type_field` holds the type and
// `capacity_field` (may be empty) the capacity. Moved features keep their fid; added ones
// take fids after the largest, in order; removed ones go. Edits of other kinds are ignored.
// Throws geo::Error naming the scenario and the edit for a fid the layer does not have, an
// edit naming another layer, or an "added" id no earlier add_facility gave.
Layer apply_facility_edits(const Layer& facilities, const std::string& layer_id, const std::string& type_field,
                           const std::string& capacity_field, const Scenario& scenario, const Crs& working);

// Turns the scenario's old index-based coverage edits ({"op": "add", "facility": 613,
// "type": 0, "x": ..., "y": ...}) into typed ones, as the coverage panel meant them: facility
// indices are positions in `facilities` (then added ones, in order), type indices positions
// in `types`, x/y working-CRS coordinates. Returns how many were upgraded.
size_t upgrade_legacy_edits(Scenario& scenario, const LoadedLayer& facilities, const std::vector<FacilityType>& types, const Crs& working);

}  // namespace geo
