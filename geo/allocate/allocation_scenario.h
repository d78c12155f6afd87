#pragma once
// "Save as scenario": the chosen sites as facility-add edits of a named scenario, which
// coverage and capacity then evaluate beside the baseline like any other.
#include <string>

#include "geo/allocate/allocate.h"
#include "geo/allocate/allocation_input.h"
#include "geo/io/crs.h"
#include "geo/scenario/edits.h"

namespace geo {

// One add_facility of `facility_type` (a type code of the radius table) per chosen site, in
// rank order, with ids "<name>-1", ...; places in WGS 84 from `working`. Throws geo::Error
// when the facility type is empty or the input has no places (an imported cost table).
Scenario allocation_scenario(const AllocationInput& in, const AllocationResult& r, const std::string& facility_type, const std::string& name,
                             const Crs& working);

}  // namespace geo
