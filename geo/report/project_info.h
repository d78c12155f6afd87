#pragma once
// What `parkcap info` reports about a loaded project: layers (driver, CRSs, counts, repairs,
// drops, field bindings) and enterprises per park. Built once as JSON; the text form is
// rendered from the same JSON so that both always say the same.
#include "geo/overlay/zone_assignment.h"
#include "geo/project/loaded_project.h"

namespace geo {

// Enterprises and employees per park (by the parks layer's feature order) and outside every
// park: counted in memory from a zone assignment, or by the database (push-down).
struct ParkTally {
    std::vector<int64_t> count;
    std::vector<double> jobs;  // empty when the enterprises have no employees field
    int64_t outside = 0, in_several = 0;
    double jobs_outside = 0;
    std::string method = "in memory";  // or "by PostGIS" (pushed down)
};
ParkTally tally_in_memory(const LoadedProject& project, const ZoneAssignment& parks);

// `parks` is the assignment of the enterprises layer to the parks layer, when the project
// has both (nullptr otherwise).
Json project_info(const LoadedProject& project, const ZoneAssignment* parks);
// The same with the per-park table given (a push-down did the counting; the enterprises layer
// need not be loaded).
Json project_info(const LoadedProject& project, const ParkTally* tally);

// Human-readable form; lists of features are cut at `max_listed` entries with a count of
// the rest (the JSON has them all).
std::string project_info_text(const Json& info, size_t max_listed = 10);

}  // namespace geo
