#pragma once
// A facility-location problem as the allocation solvers see it: demand points with weights,
// candidate sites (some required: existing facilities that stay open), and the cost of
// serving each demand from each candidate that can reach it.
//
//   max_coverage     (MCLP)     open p more sites, cover the most weight within the radius
//   min_impedance    (p-median) open p more sites, least weighted cost to the nearest open
//                               one; beyond the cutoff a demand is unallocated and costs the
//                               cutoff (so serving it always pays)
//   min_facilities   (LSCP)     the fewest new sites that cover every reachable demand (or
//                               a target share of the reachable weight) within the radius
//   min_max_distance (p-center) open p more sites, least largest cost to the nearest open one
//   max_capacitated_coverage    open p more sites, cover the most weight within the radius,
//                               each site serving at most its capacity (a demand point's
//                               weight may be split among sites)
//
// Costs are kept sparse, per demand, ascending: only the pairs within reach (the radius for
// the coverage problems, the cutoff where one is set). Demand that no candidate reaches is
// listed by the solvers and left out, never reported as an infeasible problem.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace geo {

enum class AllocationObjective { MaxCoverage, MinImpedance, MinFacilities, MinMaxDistance, MaxCapacitatedCoverage };

std::string_view to_string(AllocationObjective o);        // "max_coverage", ...
AllocationObjective parse_objective(const std::string& s);  // also "mclp", "pmedian", "lscp", "pcenter", "cmclp"; throws geo::Error

// Per demand, the candidates within reach and their costs (ascending).
struct CostTable {
    size_t demands = 0, candidates = 0;
    std::vector<uint64_t> offset;  // demands + 1
    std::vector<uint32_t> candidate;
    std::vector<double> cost;

    // Where each demand's row keeps only its nearest candidates: the least cost left out
    // (infinity when none was). Empty when every pair within reach is kept.
    std::vector<double> beyond;

    size_t begin(size_t i) const { return static_cast<size_t>(offset[i]); }
    size_t end(size_t i) const { return static_cast<size_t>(offset[i + 1]); }
    size_t pairs() const { return candidate.size(); }
};

// Builds the table from (demand, candidate, cost) triples; sorts each demand's row. Throws
// geo::Error for an index out of range, a negative or non-finite cost, or a pair given twice.
CostTable cost_table(size_t demands, size_t candidates, std::vector<uint32_t> demand, std::vector<uint32_t> candidate,
                     std::vector<double> cost);

struct Point2 {
    double x = 0, y = 0;
};
// Straight-line costs between points in a metric CRS, keeping pairs no farther than `reach`
// (infinity: every pair), and with `nearest` > 0 only each demand's `nearest` cheapest
// (`beyond` then holds the next cost, a lower bound on every pair left out).
CostTable straight_line_costs(const std::vector<Point2>& demand, const std::vector<Point2>& candidates, double reach, size_t nearest = 0);

struct AllocationProblem {
    AllocationObjective objective = AllocationObjective::MaxCoverage;
    std::vector<double> weight;     // per demand, >= 0
    CostTable costs;
    std::vector<uint8_t> required;  // per candidate: 1 = an existing facility, always open
    size_t p = 1;                   // sites to open besides the required ones (not for min_facilities)
    double radius = 0;              // max_coverage, min_facilities: covered when cost <= radius
    double cutoff = 0;              // min_impedance: 0 = none (every pair in `costs` counts)
    double target_share = 1;        // min_facilities: share of the reachable weight to cover
    std::vector<double> capacity;   // max_capacitated_coverage: per candidate, in the weight's unit (infinity: no limit)
    // The places behind straight-line costs (metres), when given: a table that keeps only the
    // nearest candidates (costs.beyond) is then evaluated exactly for the final answer.
    std::vector<Point2> demand_xy, candidate_xy;
    // Or, for other costs (along the roads), a measure of every demand point's nearest open
    // candidate and its cost (-1 and infinity where none is reached).
    std::function<std::vector<std::pair<int64_t, double>>(const std::vector<uint8_t>& open)> measure;
};

// Throws geo::Error naming what is wrong: weights not one per demand or negative, p larger
// than the candidates that are not required, zero total weight, a radius <= 0 for a coverage
// problem, a target share outside (0, 1].
void check_problem(const AllocationProblem& problem);

}  // namespace geo
