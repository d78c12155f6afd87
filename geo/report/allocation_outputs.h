#pragma once
// The layers, tables and summary of an allocation run, built once for the command's files and
// the panel alike: the chosen sites (numbered by rank, with the demand each serves), every
// candidate, each demand point's site and cost, allocation lines, and the gain curve.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "geo/allocate/allocate.h"
#include "geo/allocate/allocation_input.h"
#include "geo/allocate/allocation_settings.h"
#include "geo/core/layer.h"
#include "geo/io/layer_writer.h"
#include "geo/report/csv_table.h"

namespace geo {

// Points: rank, site, kind, demand_points, weight_served, mean_cost, max_cost.
Layer chosen_sites_layer(const AllocationInput& in, const AllocationResult& r);
// Points: site, kind, required, chosen, rank (null when not chosen).
Layer candidates_layer(const AllocationInput& in, const AllocationResult& r);
// Points: demand, fid, weight, site (null when unserved), cost, served; demand points [begin,
// end) only, so that ten million are written a chunk at a time (write_allocation_layers).
Layer demand_allocation_layer(const AllocationInput& in, const AllocationResult& r, size_t begin = 0, size_t end = SIZE_MAX);
// Lines from each served demand point to its site: demand, site, cost.
Layer allocation_lines_layer(const AllocationInput& in, const AllocationResult& r);

CsvTable chosen_sites_table(const AllocationInput& in, const AllocationResult& r);
// demand, weight, site, cost, served: written row by row as it is made.
void write_demand_allocation_csv(const AllocationInput& in, const AllocationResult& r, const std::filesystem::path& path, bool overwrite);

// The GeoPackage: chosen_sites, candidates, demand_allocation (250,000 rows at a time) and, with
// `lines`, allocation_lines. Throws as write_layers.
void write_allocation_layers(const AllocationInput& in, const AllocationResult& r, bool lines, const Crs& crs, const std::filesystem::path& path,
                             const WriteOptions& options);
// new_sites, objective, change: the objective with k new sites (0: the required ones alone),
// and what the k-th added.
CsvTable gain_curve_table(const AllocationResult& r);

// What produced the layers: problem, p, radius or cutoff, demand, candidates, distances,
// solver, status, objective, bound, gap.
std::map<std::string, std::string> allocation_metadata(const AllocationInput& in, const AllocationSettings& s, const AllocationResult& r);
// Lines for the terminal.
std::vector<std::string> allocation_summary(const AllocationInput& in, const AllocationSettings& s, const AllocationResult& r);

}  // namespace geo
