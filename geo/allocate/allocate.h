#pragma once
// Solves an allocation problem (allocation_problem.h) with the heuristic (greedy, fast
// interchange, Lagrangian bound: every answer comes with a proven gap), exactly (a MIP by
// CBC, started from the heuristic's answer), or "auto": exactly when the model is small
// enough, else the heuristic. The same input gives the same answer.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/allocate/allocation_problem.h"
#include "geo/allocate/mip.h"
#include "geo/core/progress.h"

namespace geo {

enum class AllocationSolver { Auto, Exact, Heuristic };
AllocationSolver parse_solver(const std::string& s);  // "auto", "exact", "heuristic"; throws geo::Error

struct AllocationOptions {
    AllocationSolver solver = AllocationSolver::Auto;
    MipLimits limits;
    bool gain_curve = true;    // objective for p = 1..P (or, for min_facilities, coverage by site count)
    // With the exact solver: run CBC even when the heuristic's bound already proves its answer
    // optimal (tests compare the two).
    bool always_run_exact = false;
    // "auto" solves exactly up to this many demand-candidate pairs (min_impedance has a
    // variable per pair, the coverage problems a row per demand point).
    size_t auto_exact_pairs = 2'000'000, auto_exact_pairs_impedance = 200'000;
};

struct AllocationResult {
    AllocationObjective objective = AllocationObjective::MaxCoverage;
    std::vector<uint32_t> chosen;     // new sites, in rank order (each adds the most given those before it)
    std::vector<uint8_t> open;        // per candidate: required or chosen
    // The objective: covered weight (max_coverage), weighted cost (min_impedance), new sites
    // (min_facilities), the largest cost (min_max_distance); and its proven bound.
    double value = 0, bound = 0;
    double gap = 0;                   // |value - bound| / |value| (0 when proven optimal)
    bool maximise = false;
    std::string status;               // "optimal", "heuristic", "node limit", "time limit", "cancelled"
    std::string method;               // how it was solved, in words
    std::vector<int64_t> assigned;    // per demand: the open candidate serving it, -1 none
    std::vector<double> cost;         // per demand: the cost to it (NaN when none serves it)
    std::vector<uint32_t> unreachable;  // demand that no candidate reaches (left out)
    double total_weight = 0, served_weight = 0;
    std::vector<double> site_served;  // capacitated coverage: per candidate, the weight it serves (split demand); else empty
    std::vector<double> gain_curve;   // [k-1]: the objective with k new sites
    double base_value = 0;            // the objective with the required sites alone (not for p-center)
    std::vector<std::string> notes;
    long nodes = 0;                   // branch-and-bound nodes (exact)
};

AllocationResult allocate(const AllocationProblem& problem, const AllocationOptions& options = {}, const Progress& progress = {});

}  // namespace geo
