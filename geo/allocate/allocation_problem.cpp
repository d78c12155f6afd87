#include "geo/allocate/allocation_problem.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "geo/core/error.h"

namespace geo {

std::string_view to_string(AllocationObjective o)
{
    switch (o) {
    case AllocationObjective::MaxCoverage: return "max_coverage";
    case AllocationObjective::MinImpedance: return "min_impedance";
    case AllocationObjective::MinFacilities: return "min_facilities";
    case AllocationObjective::MinMaxDistance: return "min_max_distance";
    case AllocationObjective::MaxCapacitatedCoverage: return "max_capacitated_coverage";
    }
    return "";
}

AllocationObjective parse_objective(const std::string& s)
{
    if (s == "max_coverage" || s == "mclp") return AllocationObjective::MaxCoverage;
    if (s == "min_impedance" || s == "pmedian" || s == "p-median") return AllocationObjective::MinImpedance;
    if (s == "min_facilities" || s == "lscp") return AllocationObjective::MinFacilities;
    if (s == "min_max_distance" || s == "pcenter" || s == "p-center") return AllocationObjective::MinMaxDistance;
    if (s == "max_capacitated_coverage" || s == "cmclp") return AllocationObjective::MaxCapacitatedCoverage;
    throw Error("unknown problem '" + s + "' (max_coverage or mclp, min_impedance or pmedian, min_facilities or lscp, "
                "min_max_distance or pcenter, max_capacitated_coverage or cmclp)");
}

CostTable cost_table(size_t demands, size_t candidates, std::vector<uint32_t> demand, std::vector<uint32_t> candidate, std::vector<double> cost)
{
    if (demand.size() != candidate.size() || demand.size() != cost.size()) throw Error("cost table: columns of different lengths");
    CostTable t;
    t.demands = demands;
    t.candidates = candidates;
    t.offset.assign(demands + 1, 0);
    for (size_t k = 0; k < demand.size(); ++k) {
        if (demand[k] >= demands) throw Error("cost table: demand index " + std::to_string(demand[k]) + " out of range");
        if (candidate[k] >= candidates) throw Error("cost table: candidate index " + std::to_string(candidate[k]) + " out of range");
        if (!std::isfinite(cost[k]) || cost[k] < 0) throw Error("cost table: a negative or non-finite cost (" + std::to_string(cost[k]) + ")");
        ++t.offset[demand[k] + 1];
    }
    std::partial_sum(t.offset.begin(), t.offset.end(), t.offset.begin());
    std::vector<uint64_t> next(t.offset.begin(), t.offset.end() - 1);
    t.candidate.resize(demand.size());
    t.cost.resize(demand.size());
    for (size_t k = 0; k < demand.size(); ++k) {
        const uint64_t at = next[demand[k]]++;
        t.candidate[at] = candidate[k];
        t.cost[at] = cost[k];
    }
    std::vector<std::pair<double, uint32_t>> row;
    for (size_t i = 0; i < demands; ++i) {
        row.clear();
        for (size_t k = t.begin(i); k < t.end(i); ++k) row.emplace_back(t.cost[k], t.candidate[k]);
        std::sort(row.begin(), row.end());
        for (size_t k = 0; k < row.size(); ++k) {
            t.cost[t.begin(i) + k] = row[k].first;
            t.candidate[t.begin(i) + k] = row[k].second;
        }
        std::vector<uint32_t> seen;
        for (const auto& [c, j] : row) seen.push_back(j);
        std::sort(seen.begin(), seen.end());
        if (std::adjacent_find(seen.begin(), seen.end()) != seen.end())
            throw Error("cost table: demand " + std::to_string(i) + " has a candidate given twice");
    }
    return t;
}

CostTable straight_line_costs(const std::vector<Point2>& demand, const std::vector<Point2>& candidates, double reach, size_t nearest)
{
    CostTable t;
    t.demands = demand.size();
    t.candidates = candidates.size();
    t.offset.assign(demand.size() + 1, 0);
    // Candidates sorted by x: a demand scans only those within `reach` in x.
    std::vector<uint32_t> by_x(candidates.size());
    std::iota(by_x.begin(), by_x.end(), 0u);
    std::sort(by_x.begin(), by_x.end(), [&](uint32_t a, uint32_t b) { return candidates[a].x < candidates[b].x; });
    std::vector<double> xs(by_x.size());
    for (size_t k = 0; k < by_x.size(); ++k) xs[k] = candidates[by_x[k]].x;
    std::vector<std::pair<double, uint32_t>> row;
    const double r2 = reach * reach;
    for (size_t i = 0; i < demand.size(); ++i) {
        row.clear();
        const Point2 d = demand[i];
        const size_t lo = std::isfinite(reach) ? static_cast<size_t>(std::lower_bound(xs.begin(), xs.end(), d.x - reach) - xs.begin()) : 0;
        const size_t hi = std::isfinite(reach) ? static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), d.x + reach) - xs.begin()) : xs.size();
        for (size_t k = lo; k < hi; ++k) {
            const Point2 c = candidates[by_x[k]];
            const double dx = c.x - d.x, dy = c.y - d.y, q = dx * dx + dy * dy;
            if (q <= r2) row.emplace_back(std::sqrt(q), by_x[k]);
        }
        if (nearest > 0 && row.size() > nearest) {
            std::nth_element(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(nearest), row.end());
            if (t.beyond.empty()) t.beyond.assign(demand.size(), std::numeric_limits<double>::infinity());
            t.beyond[i] = row[nearest].first;
            row.resize(nearest);
        }
        std::sort(row.begin(), row.end());
        for (const auto& [c, j] : row) {
            t.cost.push_back(c);
            t.candidate.push_back(j);
        }
        t.offset[i + 1] = t.cost.size();
    }
    if (!t.beyond.empty()) t.beyond.resize(demand.size(), std::numeric_limits<double>::infinity());
    return t;
}

void check_problem(const AllocationProblem& pr)
{
    const size_t n = pr.costs.demands, m = pr.costs.candidates;
    if (pr.weight.size() != n) throw Error("allocation: " + std::to_string(pr.weight.size()) + " weights for " + std::to_string(n) + " demand points");
    if (pr.required.size() != m) throw Error("allocation: the required flags are not one per candidate");
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!std::isfinite(pr.weight[i]) || pr.weight[i] < 0)
            throw Error("allocation: demand point " + std::to_string(i) + " has a negative or non-finite weight (" + std::to_string(pr.weight[i]) + ")");
        total += pr.weight[i];
    }
    if (n == 0) throw Error("allocation: no demand points");
    if (!(total > 0)) throw Error("allocation: the demand's total weight is zero (nothing to serve)");
    if (m == 0) throw Error("allocation: no candidate sites");
    const size_t open_able = m - static_cast<size_t>(std::count(pr.required.begin(), pr.required.end(), uint8_t{1}));
    if (pr.objective != AllocationObjective::MinFacilities) {
        if (pr.p == 0 && open_able > 0) throw Error("allocation: p must be at least 1");
        if (pr.p > open_able)
            throw Error("allocation: p = " + std::to_string(pr.p) + " is more than the " + std::to_string(open_able) + " candidate sites that can be opened");
    }
    const bool coverage = pr.objective == AllocationObjective::MaxCoverage || pr.objective == AllocationObjective::MinFacilities ||
                          pr.objective == AllocationObjective::MaxCapacitatedCoverage;
    if (pr.objective == AllocationObjective::MaxCapacitatedCoverage) {
        if (pr.capacity.size() != m) throw Error("allocation: capacitated coverage needs a capacity for every candidate");
        for (size_t j = 0; j < m; ++j)
            if (!(pr.capacity[j] >= 0)) throw Error("allocation: candidate " + std::to_string(j) + " has a negative or unknown capacity");
    }
    if (coverage && !(pr.radius > 0)) throw Error("allocation: the radius must be > 0");
    if (pr.objective == AllocationObjective::MinFacilities && !(pr.target_share > 0 && pr.target_share <= 1))
        throw Error("allocation: the target share must be in (0, 1]");
    if (pr.cutoff < 0) throw Error("allocation: the cutoff must not be negative");
}

}  // namespace geo
