#pragma once
#include <cstdint>
#include <filesystem>
// The layers and tables of a capacity evaluation, built once for the command's files and the
// panel's map alike.
#include <vector>

#include "geo/capacity/capacity_run.h"
#include "geo/io/layer_writer.h"
#include "geo/core/layer.h"
#include "geo/report/csv_table.h"

namespace geo {

// Every enterprise plot: its park, each park rule's value and result ("pass", "fail", "" for
// no data; "n/a" outside every park, where no park rule applies), under-use, the reasons, and
// `result`, the compliance class (compliance.h: fails a rule > under-used > passes, or
// outside parks). Points in the run's working CRS.
// Plots [begin, end) only, so that ten million are written a chunk at a time.
Layer compliance_layer(const CapacityRun& run, size_t begin = 0, size_t end = SIZE_MAX);

// The GeoPackage of `parkcap capacity`: parks_capacity (a feature per park and run) and the
// baseline's enterprises_compliance (250,000 plots at a time). Throws as write_layers.
void write_capacity_layers(const std::vector<CapacityRun>& runs, const Crs& crs, const std::filesystem::path& path, const WriteOptions& options);

// The tables of one or more runs (the baseline and scenarios), one row per park (and factor,
// cluster, year) and run: parks (land, floor, jobs, capacity, binding factor, indicators,
// tiers, coverage, compliance counts, shortfall year), factors, clusters and growth.
struct CapacityCsvTables {
    CsvTable parks, factors, clusters, growth;
};
CapacityCsvTables capacity_csv_tables(const std::vector<CapacityRun>& runs);

// Per park and rule: how many plots pass, fail, or lack the data.
CsvTable compliance_table(const CapacityRun& run);

// One feature per park and run (baseline and scenarios): land, floor, jobs, capacity,
// binding factor, shortfall year.
Layer parks_capacity_layer(const std::vector<CapacityRun>& runs);

}  // namespace geo
