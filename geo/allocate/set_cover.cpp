#include "geo/allocate/set_cover.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

namespace {

// The pairs within `radius` as columns: for each candidate, the demand it covers.
struct Columns {
    std::vector<uint64_t> off;
    std::vector<uint32_t> dem;
};

Columns columns_within(const CostTable& t, double radius)
{
    Columns c;
    c.off.assign(t.candidates + 1, 0);
    for (size_t i = 0; i < t.demands; ++i)
        for (size_t k = t.begin(i); k < t.end(i) && t.cost[k] <= radius; ++k) ++c.off[t.candidate[k] + 1];
    for (size_t j = 0; j < t.candidates; ++j) c.off[j + 1] += c.off[j];
    c.dem.resize(c.off.back());
    std::vector<uint64_t> next(c.off.begin(), c.off.end() - 1);
    for (size_t i = 0; i < t.demands; ++i)
        for (size_t k = t.begin(i); k < t.end(i) && t.cost[k] <= radius; ++k) c.dem[next[t.candidate[k]]++] = static_cast<uint32_t>(i);
    return c;
}

// Lagrangian lower bound on the new sites covering every demand flagged in `need`.
double cover_bound(const CostTable& t, const Columns& cols, const std::vector<uint8_t>& need, const std::vector<uint8_t>& required,
                   double upper, const Progress& progress)
{
    const size_t n = t.demands, m = t.candidates;
    std::vector<double> u(n, 0.0), g(n);
    for (size_t i = 0; i < n; ++i)
        if (need[i]) {
            size_t reach = 0;
            for (size_t k = t.begin(i); k < t.end(i); ++k) reach += !required[t.candidate[k]];
            u[i] = reach ? 1.0 / static_cast<double>(reach) : 0.0;
        }
    std::vector<uint8_t> x(m);
    double best = 0, mu = 2.0;
    int since = 0;
    for (int it = 0; it < 300; ++it) {
        if (it % 16 == 0) progress(-1, "bounding");
        double L = 0;
        for (size_t i = 0; i < n; ++i) L += need[i] ? u[i] : 0.0;
        for (size_t j = 0; j < m; ++j) {
            x[j] = 0;
            if (required[j]) continue;
            double s = 0;
            for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k) s += u[cols.dem[k]];
            if (1 - s < 0) {
                L += 1 - s;
                x[j] = 1;
            }
        }
        if (L > best + 1e-12) {
            best = L;
            since = 0;
        } else if (++since >= 20) {
            mu /= 2;
            since = 0;
        }
        if (mu < 1e-4 || std::ceil(best - 1e-9) >= upper) break;
        std::fill(g.begin(), g.end(), 0.0);
        for (size_t i = 0; i < n; ++i) g[i] = need[i] ? 1.0 : 0.0;
        for (size_t j = 0; j < m; ++j)
            if (x[j])
                for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k) g[cols.dem[k]] -= need[cols.dem[k]] ? 1.0 : 0.0;
        double norm = 0;
        for (size_t i = 0; i < n; ++i) {
            if (u[i] == 0 && g[i] < 0) g[i] = 0;  // the projection keeps u >= 0
            norm += g[i] * g[i];
        }
        if (norm == 0) break;
        const double step = mu * (upper - L) / norm;
        for (size_t i = 0; i < n; ++i) u[i] = std::max(0.0, u[i] + step * g[i]);
    }
    return std::ceil(best - 1e-9);
}

}  // namespace

std::vector<double> distinct_costs(const CostTable& costs)
{
    std::vector<double> v = costs.cost;
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

CoverSolution greedy_cover(const std::vector<double>& weight, const CostTable& t, const std::vector<uint8_t>& required, double radius,
                           double target_share, const Progress& progress, bool with_bound)
{
    const size_t n = t.demands, m = t.candidates;
    const Columns cols = columns_within(t, radius);
    CoverSolution s;
    std::vector<uint32_t> covers(n, 0);  // open sites covering each demand
    std::vector<uint8_t> coverable(n, 0);
    for (size_t i = 0; i < n; ++i) coverable[i] = t.begin(i) < t.end(i) && t.cost[t.begin(i)] <= radius;
    for (size_t i = 0; i < n; ++i) s.coverable_weight += coverable[i] ? weight[i] : 0.0;
    const bool full = target_share >= 1;
    // A full cover counts demand points (each must be covered, whatever its weight); a partial
    // one counts weight.
    auto value = [&](size_t i) { return full ? 1.0 : weight[i]; };
    double need_total = 0;
    for (size_t i = 0; i < n; ++i) need_total += coverable[i] ? value(i) : 0.0;
    const double target = full ? need_total : target_share * s.coverable_weight;
    double covered = 0;
    auto open_site = [&](uint32_t j) {
        for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k)
            if (covers[cols.dem[k]]++ == 0) covered += value(cols.dem[k]);
    };
    for (uint32_t j = 0; j < m; ++j)
        if (required[j]) open_site(j);
    std::vector<uint8_t> open(required);
    auto gain = [&](uint32_t j) {
        double g = 0;
        for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k)
            if (covers[cols.dem[k]] == 0) g += value(cols.dem[k]);
        return g;
    };
    while (covered < target - 1e-9 * std::max(1.0, target)) {
        progress(-1, "covering");
        double best = 0;
        uint32_t pick = UINT32_MAX;
        for (uint32_t j = 0; j < m; ++j) {
            if (open[j]) continue;
            const double g = gain(j);
            if (g > best) {
                best = g;
                pick = j;
            }
        }
        if (pick == UINT32_MAX) break;
        open[pick] = 1;
        open_site(pick);
        s.chosen.push_back(pick);
    }
    // Drop sites the cover no longer needs, the last chosen first.
    for (size_t r = s.chosen.size(); r-- > 0;) {
        const uint32_t j = s.chosen[r];
        double lost = 0;
        for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k)
            if (covers[cols.dem[k]] == 1) lost += value(cols.dem[k]);
        if (covered - lost >= target - 1e-9 * std::max(1.0, target)) {
            for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k)
                if (--covers[cols.dem[k]] == 0) covered -= value(cols.dem[k]);
            s.chosen.erase(s.chosen.begin() + static_cast<std::ptrdiff_t>(r));
        }
    }
    for (size_t i = 0; i < n; ++i) s.covered_weight += covers[i] ? weight[i] : 0.0;
    if (!with_bound) return s;
    if (full) {
        std::vector<uint8_t> need(n, 0);
        std::vector<uint8_t> by_required(n, 0);
        for (uint32_t j = 0; j < m; ++j)
            if (required[j])
                for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k) by_required[cols.dem[k]] = 1;
        for (size_t i = 0; i < n; ++i) need[i] = coverable[i] && !by_required[i];
        s.lower_bound = static_cast<size_t>(std::max(0.0, cover_bound(t, cols, need, required, static_cast<double>(s.chosen.size()), progress)));
    } else {
        // Each new site covers at most the weight it reaches that the required ones leave.
        std::vector<uint32_t> base(n, 0);
        double base_covered = 0;
        for (uint32_t j = 0; j < m; ++j)
            if (required[j])
                for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k)
                    if (base[cols.dem[k]]++ == 0) base_covered += weight[cols.dem[k]];
        std::vector<double> reach;
        for (uint32_t j = 0; j < m; ++j) {
            if (required[j]) continue;
            double r = 0;
            for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k)
                if (!base[cols.dem[k]]) r += weight[cols.dem[k]];
            reach.push_back(r);
        }
        std::sort(reach.rbegin(), reach.rend());
        double sum = base_covered;
        size_t k = 0;
        while (k < reach.size() && sum < target - 1e-9 * std::max(1.0, target)) sum += reach[k++];
        s.lower_bound = k;
    }
    s.lower_bound = std::min(s.lower_bound, s.chosen.size());
    return s;
}

CenterSolution greedy_center(const std::vector<double>& weight, const CostTable& t, const std::vector<uint8_t>& required, size_t p,
                             const Progress& progress)
{
    const std::vector<double> radii = distinct_costs(t);
    CenterSolution out;
    if (radii.empty()) return out;
    // The demand that counts: a positive weight and some candidate at all.
    std::vector<double> w(weight);
    for (size_t i = 0; i < t.demands; ++i)
        if (t.begin(i) == t.end(i)) w[i] = 0;
    std::vector<uint8_t> need(t.demands);
    for (size_t i = 0; i < t.demands; ++i) need[i] = w[i] > 0;
    auto fits = [&](double r, CoverSolution* keep) {
        // Covering the demand with a positive weight: a partial cover of weight 1 ≡ all of it.
        CoverSolution s = greedy_cover(w, t, required, r, 1.0, progress, false);
        bool all = true;
        for (size_t i = 0; i < t.demands && all; ++i)
            if (need[i] && !(t.cost[t.begin(i)] <= r)) all = false;
        const bool ok = all && s.chosen.size() <= p && s.covered_weight >= s.coverable_weight - 1e-9;
        if (ok && keep) *keep = std::move(s);
        return ok;
    };
    // The least radius the greedy covers with p sites (the largest always does).
    size_t lo = 0, hi = radii.size() - 1;
    CoverSolution best;
    fits(radii[hi], &best);
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        CoverSolution s;
        if (fits(radii[mid], &s)) {
            hi = mid;
            best = std::move(s);
        } else {
            lo = mid + 1;
        }
    }
    out.chosen = best.chosen;
    // Up to p sites: the rest where they shorten the longest distance most (then any).
    std::vector<uint8_t> open(required);
    for (uint32_t j : out.chosen) open[j] = 1;
    auto longest = [&]() {
        double worst = 0;
        for (size_t i = 0; i < t.demands; ++i) {
            if (!(w[i] > 0)) continue;
            double d = std::numeric_limits<double>::infinity();
            for (size_t k = t.begin(i); k < t.end(i); ++k)
                if (open[t.candidate[k]]) {
                    d = t.cost[k];
                    break;
                }
            worst = std::max(worst, d);
        }
        return worst;
    };
    while (out.chosen.size() < p) {
        double best_r = std::numeric_limits<double>::infinity();
        uint32_t pick = UINT32_MAX;
        for (uint32_t j = 0; j < t.candidates; ++j) {
            if (open[j]) continue;
            open[j] = 1;
            const double r = longest();
            open[j] = 0;
            if (r < best_r) {
                best_r = r;
                pick = j;
            }
            if (t.candidates * t.demands > 20'000'000) break;  // large: the first free site will do
        }
        if (pick == UINT32_MAX) break;
        open[pick] = 1;
        out.chosen.push_back(pick);
    }
    out.radius = longest();
    // Lower bound: the largest radius whose cover provably needs more than p sites.
    size_t a = 0, b = hi;  // radii[hi] is feasible for the greedy; below it, search for a proof
    size_t proven = SIZE_MAX;
    double limit = std::numeric_limits<double>::infinity();  // rows are whole below it
    for (double v : t.beyond) limit = std::min(limit, v);
    while (a < b && radii[a] < limit) {
        const size_t mid = (a + b) / 2;
        if (!(radii[mid] < limit)) {
            b = mid;
            continue;
        }
        const double r = radii[mid];
        const Columns cols = columns_within(t, r);
        std::vector<uint8_t> must(t.demands, 0), by_required(t.demands, 0);
        bool someone_unreachable = false;
        for (uint32_t j = 0; j < t.candidates; ++j)
            if (required[j])
                for (uint64_t k = cols.off[j]; k < cols.off[j + 1]; ++k) by_required[cols.dem[k]] = 1;
        for (size_t i = 0; i < t.demands; ++i) {
            if (!need[i] || by_required[i]) continue;
            if (!(t.cost[t.begin(i)] <= r)) someone_unreachable = true;
            must[i] = 1;
        }
        const bool infeasible = someone_unreachable || cover_bound(t, cols, must, required, static_cast<double>(p) + 1, progress) > static_cast<double>(p);
        if (infeasible) {
            proven = mid;
            a = mid + 1;
        } else {
            b = mid;
        }
    }
    // Every demand needs some site: the farthest of the nearest candidates is a bound too.
    double nearest = 0;
    for (size_t i = 0; i < t.demands; ++i)
        if (need[i]) nearest = std::max(nearest, t.cost[t.begin(i)]);
    out.lower_bound = std::max(nearest, proven == SIZE_MAX ? 0.0 : radii[std::min(proven + 1, radii.size() - 1)]);
    out.lower_bound = std::min(out.lower_bound, out.radius);
    return out;
}

}  // namespace geo
