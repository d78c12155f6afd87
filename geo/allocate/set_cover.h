#pragma once
// The engine behind min_facilities (LSCP) and min_max_distance (p-center): covering every
// demand point (or a share of the weight) within a radius with the fewest new sites. Greedy
// covering with redundant sites dropped, and a lower bound: Lagrangian for a full cover,
// the fewest sites whose own coverage could add up to the target for a partial one.
// p-center searches the radius: the least radius that the greedy covers with p sites, and the
// largest radius proven to need more than p.
#include <cstdint>
#include <vector>

#include "geo/allocate/allocation_problem.h"
#include "geo/core/progress.h"

namespace geo {

struct CoverSolution {
    std::vector<uint32_t> chosen;  // new sites, in the greedy order
    double covered_weight = 0;     // of the coverable demand
    double coverable_weight = 0;   // the demand some candidate reaches within the radius
    size_t lower_bound = 0;        // no cover with fewer new sites exists
};

// Covers the demand that some candidate reaches within `radius` (the required ones open and
// free), until `target_share` of its weight is covered.
CoverSolution greedy_cover(const std::vector<double>& weight, const CostTable& costs, const std::vector<uint8_t>& required, double radius,
                           double target_share, const Progress& progress, bool with_bound = true);

struct CenterSolution {
    std::vector<uint32_t> chosen;  // p new sites
    double radius = 0;             // the largest cost from a served demand to its nearest open site
    double lower_bound = 0;        // no p sites do better
};

// Over the demand with a positive weight that some candidate reaches. Where rows keep only
// the nearest candidates (costs.beyond), radii from the least `beyond` up prove nothing and
// the radius of the answer is that of the rows (the caller measures it exactly).
CenterSolution greedy_center(const std::vector<double>& weight, const CostTable& costs, const std::vector<uint8_t>& required, size_t p,
                             const Progress& progress);

// The distinct costs of the table, ascending (the radii p-center can take).
std::vector<double> distinct_costs(const CostTable& costs);

}  // namespace geo
