#pragma once
// What a 亩均效益 evaluation writes: a point layer of every enterprise (indicators, score,
// class, what it lacks, how its table row matched), the distribution per park with the land in
// the lowest class, the join report of the bureau's table, and the terminal summary.
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/performance/performance_run.h"
#include "geo/report/csv_table.h"

namespace geo {

Layer performance_layer(const PerformanceRun& run);
// Per park (then outside parks, then all): enterprises, scored, each class, unscored, the
// land of the lowest class in m² and mu, the mean score.
CsvTable performance_parks_table(const PerformanceRun& run);
// Per row of the bureau's table: its line, code, name, how it matched, which enterprise or why none.
CsvTable performance_matches_table(const PerformanceRun& run);
std::vector<std::string> performance_summary(const PerformanceRun& run);

}  // namespace geo
