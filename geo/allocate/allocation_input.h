#pragma once
// An allocation problem taken from a loaded project and its settings: the enterprises as
// demand (weighted, filtered), the candidate sites (a sites layer through a point on each
// polygon's surface, a point layer, or a lattice inside the parks and outside the constraint
// areas), existing facilities of the required type as required sites, and the costs between
// them in a straight line or along the roads. Or one read from an imported cost table.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/allocate/allocate.h"
#include "geo/allocate/allocation_problem.h"
#include "geo/allocate/allocation_settings.h"
#include "geo/core/geometry.h"
#include "geo/core/progress.h"
#include "geo/core/text_list.h"
#include "geo/project/loaded_project.h"

namespace geo {

struct AllocationInput {
    AllocationProblem problem;
    // Demand points: their place (working CRS; none for an imported table), their id.
    std::vector<Coord> demand_xy;
    TextList demand_id;                  // the enterprise's name (or "fid N"), or the table's id
    std::vector<int64_t> demand_fid;     // the enterprise's fid, -1 for an imported table
    // Candidates, then the required existing facilities.
    std::vector<Coord> candidate_xy;
    std::vector<std::string> candidate_id;   // "S12", "lattice 17", "facility 403", or the table's id
    std::vector<std::string> candidate_kind; // "site", "lattice", "layer", "existing", "table"
    // Per candidate: its score on the suitability raster (0..100; NaN for existing facilities);
    // empty without a raster.
    std::vector<double> candidate_suitability;
    std::string candidate_source;            // in words, for the report and the layer metadata
    std::string distance;                    // "straight line", "along the roads", "imported cost table"
    std::vector<std::string> notes;          // polygons taken by a point on surface, points not attached to roads, ...
    // max_coverage in straight lines: the problem's demands are the points' covering sets
    // (demand_groups.h); each point's group, and its own weight. Empty: a demand per point.
    std::vector<uint32_t> demand_group;
    std::vector<double> demand_weight;
    bool has_places() const { return !demand_xy.empty(); }
    // Demand point i's weight.
    double weight(size_t i) const { return demand_group.empty() ? problem.weight[i] : demand_weight[i]; }
};

// Throws geo::Error naming the layer, field or setting: no enterprises, an unknown candidate
// layer, no parks for a lattice, no roads for "network", a required type no facility has.
AllocationInput allocation_input(const LoadedProject& project, const AllocationSettings& settings, const Progress& progress = {});

// From files: `matrix` with columns demand,candidate,cost (ids as text; pairs it leaves out are
// unreachable) and `weights` with demand,weight (empty path: every demand point weighs 1; a
// demand point with a weight and no pair is one no candidate reaches, noted). Throws
// geo::Error naming the file and line: a missing column, a cost or weight that is no number
// or negative, a pair or a weight given twice.
// Solves the input's problem; where its demand was grouped, the answer is given per point.
AllocationResult allocate(const AllocationInput& input, const AllocationOptions& options = {}, const Progress& progress = {});

AllocationInput allocation_input_from_table(const std::string& matrix, const std::string& weights, const AllocationSettings& settings);

}  // namespace geo
