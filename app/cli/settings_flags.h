#pragma once
// The flags of the analysis commands, applied over the settings the project holds: a command
// starts from what the planner saved (analysis.*) and a flag changes one value. A value a
// flag makes invalid is a usage error naming the flag ("--cell must be > 0, not -5").
#include "args.h"
#include "geo/allocate/allocation_settings.h"
#include "geo/cluster/cluster_settings.h"
#include "geo/density/density_settings.h"

namespace cli {

// --kernel, --radius, --bandwidth, --cell, --scale, --method, --cluster, --tier, --industry,
// --park, --weight.
void apply_density_flags(const Args& args, geo::DensitySettings& settings);

// --grid, --cell, --weight and the selection, --lq-*, --min-*, --eps, the contours' density
// (--radius, --kernel, --bandwidth, --density-cell, --scale), --contours, --study-*, --footprint.
void apply_cluster_flags(const Args& args, geo::ClusterOptions& o);

// --problem, --p, --radius, --cutoff, --target-share, the demand (--weight, --cluster, --tier,
// --park), the candidates (--candidates, --spacing, --required-type, --facility-type,
// --capacity, --capacity-factor), --network, --solver, --max-nodes, --max-seconds.
void apply_allocation_flags(const Args& args, geo::AllocationSettings& settings);

}  // namespace cli
