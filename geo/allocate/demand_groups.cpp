#include "geo/allocate/demand_groups.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <string_view>
#include <limits>
#include <unordered_map>

namespace geo {

namespace {

// The distance as straight_line_costs measures it, to the last bit.
double distance(Coord d, Coord c)
{
    const double dx = c.x - d.x, dy = c.y - d.y;
    return std::sqrt(dx * dx + dy * dy);
}

}  // namespace

CoverGroups cover_groups(const std::vector<Coord>& demand, const std::vector<double>& weight, const std::vector<Coord>& candidates,
                         double radius)
{
    CoverGroups g;
    g.of.resize(demand.size());
    g.costs.candidates = candidates.size();
    g.costs.offset.push_back(0);
    // Candidates sorted by x: a point scans only those within the radius in x.
    std::vector<uint32_t> by_x(candidates.size());
    std::iota(by_x.begin(), by_x.end(), 0u);
    std::sort(by_x.begin(), by_x.end(), [&](uint32_t a, uint32_t b) { return candidates[a].x < candidates[b].x; });
    std::vector<double> xs(by_x.size());
    for (size_t k = 0; k < by_x.size(); ++k) xs[k] = candidates[by_x[k]].x;
    const double r2 = radius * radius;
    // A covering set's key: its sorted candidate indices as bytes.
    std::unordered_map<std::string, uint32_t> group_of_set;
    std::vector<uint32_t> set;
    for (size_t i = 0; i < demand.size(); ++i) {
        set.clear();
        const Coord d = demand[i];
        const size_t lo = static_cast<size_t>(std::lower_bound(xs.begin(), xs.end(), d.x - radius) - xs.begin());
        const size_t hi = static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), d.x + radius) - xs.begin());
        for (size_t k = lo; k < hi; ++k) {
            const Coord c = candidates[by_x[k]];
            const double dx = c.x - d.x, dy = c.y - d.y;
            if (dx * dx + dy * dy <= r2) set.push_back(by_x[k]);
        }
        std::sort(set.begin(), set.end());
        const std::string key(reinterpret_cast<const char*>(set.data()), set.size() * sizeof(uint32_t));
        const auto [it, added] = group_of_set.try_emplace(key, static_cast<uint32_t>(g.weight.size()));
        if (added) {
            g.weight.push_back(0);
            g.costs.candidate.insert(g.costs.candidate.end(), set.begin(), set.end());
            g.costs.offset.push_back(g.costs.candidate.size());
        }
        g.of[i] = it->second;
        g.weight[it->second] += weight[i];
    }
    g.costs.demands = g.weight.size();
    g.costs.cost.assign(g.costs.candidate.size(), 0.0);
    return g;
}

void expand_groups(const std::vector<uint32_t>& group_of, const CostTable& t, const std::vector<Coord>& demand,
                   const std::vector<double>& weight, const std::vector<Coord>& candidates, AllocationResult& r)
{
    const size_t n = demand.size();
    r.assigned.assign(n, -1);
    r.cost.assign(n, std::nan(""));
    r.unreachable.clear();
    r.total_weight = r.served_weight = 0;
    for (size_t i = 0; i < n; ++i) {
        r.total_weight += weight[i];
        const uint32_t g = group_of[i];
        if (t.begin(g) == t.end(g)) {
            r.unreachable.push_back(static_cast<uint32_t>(i));
            continue;
        }
        double best = std::numeric_limits<double>::infinity();
        for (size_t k = t.begin(g); k < t.end(g); ++k) {  // ascending index: the lower wins a tie
            const uint32_t j = t.candidate[k];
            if (!r.open[j]) continue;
            const double c = distance(demand[i], candidates[j]);
            if (c < best) {
                best = c;
                r.assigned[i] = j;
            }
        }
        if (r.assigned[i] < 0) continue;
        r.cost[i] = best;
        r.served_weight += weight[i];
    }
}

}  // namespace geo
