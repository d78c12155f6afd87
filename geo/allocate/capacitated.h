#pragma once
// Maximise capacitated coverage: each open site serves at most its capacity (in units of the
// demand's weight: jobs), demand within the radius, a demand point's weight may be split
// among sites. For a given set of open sites the served weight is a transportation LP; the
// greedy opens, p times, the site that can serve the most residual demand, serving its
// nearest first; the LP relaxation of the MIP bounds every answer from above.
#include <cstdint>
#include <vector>

#include "geo/allocate/allocation_problem.h"
#include "geo/allocate/mip.h"
#include "geo/core/progress.h"

namespace geo {

struct CapacitatedAnswer {
    std::vector<uint8_t> open;
    std::vector<double> curve;  // greedy's served weight with 1..p new sites
    double base = 0;            // served by the required sites alone
};

CapacitatedAnswer capacitated_greedy(const AllocationProblem& problem, const Progress& progress);

// The MIP: y_j open, x_k the weight served along pair k (within the radius). With `fixed`
// (an open set) the y are fixed and the LP gives that set's served weight; with
// `relaxed` every y is continuous (the LP bound). Columns: y first (one per candidate), then
// one x per pair within the radius, in the order of the cost table.
Mip capacitated_mip(const AllocationProblem& problem, const std::vector<uint8_t>* fixed, bool relaxed);

// A bound that needs no LP: what the required sites serve at best, plus the p largest of
// min(capacity, weight within reach) among the other candidates (a site adds no more), and
// never above the weight some candidate reaches.
double capacitated_simple_bound(const AllocationProblem& problem, double required_served);

// Per demand point: the weight each open site serves it, from an x vector of capacitated_mip.
struct CapacitatedFlow {
    std::vector<double> served;    // per demand
    std::vector<int64_t> main_site;  // per demand: the site serving most of it (-1: none)
    std::vector<double> main_cost;
};
CapacitatedFlow capacitated_flow(const AllocationProblem& problem, const std::vector<double>& x);

}  // namespace geo
