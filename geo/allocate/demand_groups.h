#pragma once
// Demand points that the same candidates cover, as one demand. In max_coverage with straight-
// line distances, all the solver reads of a demand point is which candidates lie within the
// radius, so points with the same covering set can be one row of the problem weighing their
// sum: the same optimum and the same bound, for a fraction of the memory (every pair of ten
// million enterprises is gigabytes; their covering sets are a few hundred thousand). The
// answer for each point is then its nearest open candidate within the radius, as it would be
// without the grouping.
#include <cstdint>
#include <vector>

#include "geo/allocate/allocate.h"
#include "geo/allocate/allocation_problem.h"
#include "geo/core/geometry.h"

namespace geo {

struct CoverGroups {
    std::vector<uint32_t> of;    // per demand point: its group
    std::vector<double> weight;  // per group: the sum of its points' weights
    CostTable costs;             // per group: the candidates covering it, each at cost 0
};

// Groups `demand` (with `weight`) by the candidates within `radius` of each point.
CoverGroups cover_groups(const std::vector<Coord>& demand, const std::vector<double>& weight, const std::vector<Coord>& candidates,
                         double radius);

// Turns an answer for the groups into one for the points: each point's nearest open candidate
// among those covering it (ties: the lower index, as an ungrouped table orders them), its
// distance, the served and total weight summed point by point, the points no candidate reaches.
// `group_of` and `groups` as cover_groups made them (of, costs).
void expand_groups(const std::vector<uint32_t>& group_of, const CostTable& groups, const std::vector<Coord>& demand,
                   const std::vector<double>& weight, const std::vector<Coord>& candidates, AllocationResult& r);

}  // namespace geo
