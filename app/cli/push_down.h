#pragma once
// Leaving a large enterprises table in its PostGIS database: what info and coverage share.
// --push-down forces it; without a flag it happens by itself when the enterprises are a
// PostGIS table of more than --push-down-above rows (default 1,000,000); --no-push-down loads
// them whatever their size.
#include <optional>
#include <string>
#include <vector>

#include "args.h"
#include "geo/project/project.h"

namespace cli {

// The three options, with `what` saying what the database then does ("counts per park").
std::vector<OptionSpec> push_down_options(const std::string& what);

// Takes the enterprises layer out of `project` when the work is pushed down (saying so on the
// terminal when it was chosen by size) and returns it; nullopt when everything is loaded. A
// forced push-down of enterprises that are not a PostGIS table throws UsageError.
std::optional<geo::ProjectLayer> take_pushed_down(geo::Project& project, const Args& args);

}  // namespace cli
