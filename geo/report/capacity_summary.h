#pragma once
// The capacity runs as the terminal shows them: per run a table of parks (vacant land,
// available floor, jobs, capacity, headroom, binding factor, and the growth shortfall or the
// change against the baseline; parks a scenario leaves as they were are counted, not
// repeated), then the baseline's standards compliance in one line.
#include <string>
#include <vector>

#include "geo/capacity/capacity_run.h"
#include "geo/project/terms.h"
#include "geo/report/display_units.h"

namespace geo {

// `runs` starts with the baseline. Headers and factor names in `language`, vacant land in
// `units.area`.
std::vector<std::string> capacity_summary(const std::vector<CapacityRun>& runs, Language language = Language::En,
                                          const DisplayUnits& units = {});

}  // namespace geo
