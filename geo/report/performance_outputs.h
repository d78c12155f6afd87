#pragma once
// What a 亩均效益 evaluation writes: a point layer of every enterprise (indicators, score,
// class, what it lacks, how its table row matched), the distribution per park with the land in
// the lowest class, the join report of the bureau's table, and the terminal summary.
#include <string>
#include <vector>

#include <cstdint>
#include <filesystem>

#include "geo/core/layer.h"
#include "geo/io/crs.h"
#include "geo/io/layer_writer.h"
#include "geo/performance/performance_run.h"
#include "geo/report/csv_table.h"

namespace geo {

// Enterprises [begin, end) as a layer (the schema alone for begin == end == 0).
Layer performance_layer(const PerformanceRun& run, size_t begin = 0, size_t end = SIZE_MAX);
// The layer into a GeoPackage a chunk at a time.
void write_performance_layer(const PerformanceRun& run, const Crs& crs, const std::filesystem::path& path, const WriteOptions& options);
// Per park (then outside parks, then all): enterprises, scored, each class, unscored, the
// land of the lowest class in m² and mu, the mean score.
CsvTable performance_parks_table(const PerformanceRun& run);
// Per row of the bureau's table: its line, code, name, how it matched, which enterprise or why
// none; written row by row (a table of millions is never whole as text).
void write_performance_matches(const PerformanceRun& run, const std::filesystem::path& path, bool overwrite);
std::vector<std::string> performance_summary(const PerformanceRun& run);

}  // namespace geo
