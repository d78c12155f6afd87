#pragma once
// What `parkcap info` reports about a loaded project: layers (driver, CRSs, counts, repairs,
// drops, field bindings) and enterprises per park. Built once as JSON; the text form is
// rendered from the same JSON so that both always say the same.
#include "geo/overlay/zone_assignment.h"
#include "geo/project/loaded_project.h"

namespace geo {

// `parks` is the assignment of the enterprises layer to the parks layer, when the project
// has both (nullptr otherwise).
Json project_info(const LoadedProject& project, const ZoneAssignment* parks);

// Human-readable form; lists of features are cut at `max_listed` entries with a count of
// the rest (the JSON has them all).
std::string project_info_text(const Json& info, size_t max_listed = 10);

}  // namespace geo
