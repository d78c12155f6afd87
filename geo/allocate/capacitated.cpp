#include "geo/allocate/capacitated.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <functional>
#include <numeric>

namespace geo {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

CapacitatedAnswer capacitated_greedy(const AllocationProblem& pr, const Progress& progress)
{
    const CostTable& t = pr.costs;
    const size_t n = t.demands, m = t.candidates;
    // Columns within the radius, each ascending by cost.
    std::vector<std::vector<std::pair<double, uint32_t>>> col(m);
    for (size_t i = 0; i < n; ++i)
        for (size_t k = t.begin(i); k < t.end(i) && t.cost[k] <= pr.radius; ++k) col[t.candidate[k]].emplace_back(t.cost[k], static_cast<uint32_t>(i));
    for (auto& c : col) std::sort(c.begin(), c.end());
    std::vector<double> residual = pr.weight;
    double served = 0;
    auto serve = [&](size_t j) {  // the site's capacity to its nearest residual demand first
        double cap = pr.capacity.empty() ? kInf : pr.capacity[j];
        for (const auto& [c, i] : col[j]) {
            if (cap <= 0) break;
            const double take = std::min(cap, residual[i]);
            residual[i] -= take;
            cap -= take;
            served += take;
        }
    };
    CapacitatedAnswer a;
    a.open = pr.required;
    // Required sites, nearest pairs first across all of them.
    std::vector<std::tuple<double, uint32_t, uint32_t>> pairs;
    for (size_t j = 0; j < m; ++j)
        if (pr.required[j])
            for (const auto& [c, i] : col[j]) pairs.emplace_back(c, static_cast<uint32_t>(j), i);
    std::sort(pairs.begin(), pairs.end());
    std::vector<double> cap_left(m);
    for (size_t j = 0; j < m; ++j) cap_left[j] = pr.capacity.empty() ? kInf : pr.capacity[j];
    for (const auto& [c, j, i] : pairs) {
        const double take = std::min(cap_left[j], residual[i]);
        residual[i] -= take;
        cap_left[j] -= take;
        served += take;
    }
    a.base = served;
    for (size_t k = 0; k < pr.p; ++k) {
        progress(static_cast<double>(k) / static_cast<double>(pr.p), "greedy");
        double best = -1;
        size_t pick = SIZE_MAX;
        for (size_t j = 0; j < m; ++j) {
            if (a.open[j]) continue;
            double reach = 0;
            for (const auto& [c, i] : col[j]) reach += residual[i];
            const double g = std::min(reach, pr.capacity.empty() ? kInf : pr.capacity[j]);
            if (g > best) {
                best = g;
                pick = j;
            }
        }
        if (pick == SIZE_MAX) break;
        a.open[pick] = 1;
        serve(pick);
        a.curve.push_back(served);
    }
    return a;
}

double capacitated_simple_bound(const AllocationProblem& pr, double required_served)
{
    const CostTable& t = pr.costs;
    std::vector<double> reach(t.candidates, 0.0);
    double reachable = 0;
    for (size_t i = 0; i < t.demands; ++i) {
        if (t.begin(i) < t.end(i) && t.cost[t.begin(i)] <= pr.radius) reachable += pr.weight[i];
        for (size_t k = t.begin(i); k < t.end(i) && t.cost[k] <= pr.radius; ++k) reach[t.candidate[k]] += pr.weight[i];
    }
    std::vector<double> gain;
    for (size_t j = 0; j < t.candidates; ++j)
        if (!pr.required[j]) gain.push_back(std::min(reach[j], pr.capacity.empty() ? kInf : pr.capacity[j]));
    const size_t take = std::min(pr.p, gain.size());
    std::partial_sort(gain.begin(), gain.begin() + static_cast<std::ptrdiff_t>(take), gain.end(), std::greater<>());
    double bound = required_served;
    for (size_t k = 0; k < take; ++k) bound += gain[k];
    return std::min(bound, reachable);
}

Mip capacitated_mip(const AllocationProblem& pr, const std::vector<uint8_t>* fixed, bool relaxed)
{
    const CostTable& t = pr.costs;
    Mip mip;
    mip.maximise = true;
    std::vector<int> y(t.candidates);
    for (size_t j = 0; j < t.candidates; ++j) {
        const double lo = fixed ? (*fixed)[j] : (pr.required[j] ? 1.0 : 0.0);
        const double hi = fixed ? (*fixed)[j] : 1.0;
        y[j] = mip.add_column(0, lo, hi, !relaxed && !fixed);
    }
    if (!fixed) {
        const int count = mip.add_row(static_cast<double>(pr.p), static_cast<double>(pr.p));
        for (size_t j = 0; j < t.candidates; ++j)
            if (!pr.required[j]) mip.add_entry(count, y[j], 1);
    }
    std::vector<int> cap_row(t.candidates, -1);
    for (size_t j = 0; j < t.candidates; ++j) {
        if (fixed && !(*fixed)[j]) continue;
        const double cap = pr.capacity.empty() ? kInf : pr.capacity[j];
        if (std::isfinite(cap)) {
            cap_row[j] = mip.add_row(-kInf, 0);  // sum of x - cap y <= 0
            mip.add_entry(cap_row[j], y[j], -cap);
        }
    }
    for (size_t i = 0; i < t.demands; ++i) {
        const int demand_row = mip.add_row(-kInf, pr.weight[i]);  // sum of x <= w_i
        for (size_t k = t.begin(i); k < t.end(i) && t.cost[k] <= pr.radius; ++k) {
            const size_t j = t.candidate[k];
            // With the sites fixed, a pair to a closed one carries nothing: its column stays
            // (the layout is the same) but fixed at zero, and needs no rows.
            if (fixed && !(*fixed)[j]) {
                mip.add_column(0, 0, 0, false);
                continue;
            }
            const int x = mip.add_column(1, 0, pr.weight[i], false);
            mip.add_entry(demand_row, x, 1);
            if (cap_row[j] >= 0) mip.add_entry(cap_row[j], x, 1);
            if (fixed) continue;  // open: the capacity row is the only limit
            const int link = mip.add_row(-kInf, 0);  // x <= w_i y_j: no service from a closed site
            mip.add_entry(link, x, 1);
            mip.add_entry(link, y[j], -pr.weight[i]);
        }
    }
    return mip;
}

CapacitatedFlow capacitated_flow(const AllocationProblem& pr, const std::vector<double>& x)
{
    const CostTable& t = pr.costs;
    CapacitatedFlow f{std::vector<double>(t.demands, 0.0), std::vector<int64_t>(t.demands, -1), std::vector<double>(t.demands, std::nan(""))};
    size_t col = t.candidates;  // x columns follow the y columns
    for (size_t i = 0; i < t.demands; ++i) {
        double most = 0;
        for (size_t k = t.begin(i); k < t.end(i) && t.cost[k] <= pr.radius; ++k, ++col) {
            const double v = col < x.size() ? x[col] : 0.0;
            f.served[i] += v;
            if (v > most + 1e-9) {
                most = v;
                f.main_site[i] = t.candidate[k];
                f.main_cost[i] = t.cost[k];
            }
        }
    }
    return f;
}

}  // namespace geo
