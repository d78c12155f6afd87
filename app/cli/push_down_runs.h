#pragma once
// The pushed-down paths of `parkcap coverage` and `parkcap clusters` (push_down.h chooses
// them): the enterprises stay in their PostGIS table, the database does the counting, and the
// command writes what the counts give.
#include <chrono>

#include "args.h"
#include "geo/cluster/cluster_analysis.h"
#include "geo/coverage/coverage_settings.h"
#include "geo/project/project.h"

namespace cli {

int coverage_in_database(geo::Project input, const geo::ProjectLayer& enterprises, const geo::CoverageSettings& settings, const Args& args,
                         std::chrono::steady_clock::time_point t0);
int hot_spots_in_database(geo::Project input, const geo::ProjectLayer& enterprises, const geo::ClusterOptions& o, const Args& args,
                          std::chrono::steady_clock::time_point t0);

}  // namespace cli
