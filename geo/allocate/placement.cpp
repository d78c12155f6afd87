#include "geo/allocate/placement.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>

#include "geo/allocate/placement_bound.h"
#include "geo/core/error.h"

namespace geo {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double gap_of(double value, double bound)
{
    const double d = std::abs(bound - value);
    if (d <= 1e-9 * std::max(1.0, std::abs(value))) return 0.0;
    return d / std::max(std::abs(value), 1e-12);
}

// What is left of every site and park as applicants are placed.
struct Room {
    const PlacementProblem& p;
    std::vector<double> floor_left, headroom_left;
    std::vector<uint32_t> tenants;

    explicit Room(const PlacementProblem& pr) : p(pr), floor_left(pr.site_floor), headroom_left(pr.headroom), tenants(pr.sites, 0) {}
    bool fits(size_t a, size_t k) const  // pair k of applicant a
    {
        const uint32_t s = p.site[k];
        if (!p.multi_tenant[s] && tenants[s] > 0) return false;
        if (p.floor[k] > floor_left[s] + 1e-9) return false;
        const int32_t park = p.park_of_site[s];
        if (park >= 0)
            for (size_t f = 0; f < p.factors; ++f)
                if (p.demand[a * p.factors + f] > headroom_left[static_cast<size_t>(park) * p.factors + f] + 1e-9) return false;
        return true;
    }
    void take(size_t a, size_t k) { change(a, k, 1); }
    void release(size_t a, size_t k) { change(a, k, -1); }
    void change(size_t a, size_t k, int sign)
    {
        const uint32_t s = p.site[k];
        tenants[s] = static_cast<uint32_t>(static_cast<int>(tenants[s]) + sign);
        floor_left[s] -= sign * p.floor[k];
        const int32_t park = p.park_of_site[s];
        if (park >= 0)
            for (size_t f = 0; f < p.factors; ++f) headroom_left[static_cast<size_t>(park) * p.factors + f] -= sign * p.demand[a * p.factors + f];
    }
};

// Regret: repeatedly, among the applicants not yet placed, the one whose best fitting site
// beats its second best (or nothing) by the most takes its best. A queue keyed by regret,
// refreshed lazily: an entry is checked against what is left before it is taken.
std::vector<int64_t> regret_heuristic(const PlacementProblem& p, const Progress& progress)
{
    Room room(p);
    std::vector<int64_t> site_of(p.applicants, -1);
    struct Best {
        double first = -1, second = 0;
        uint64_t pair = 0;
    };
    auto best_of = [&](size_t a) {
        Best b;
        for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
            if (!room.fits(a, k)) continue;
            if (p.score[k] > b.first) {
                b.second = std::max(b.second, b.first);
                b.first = p.score[k];
                b.pair = k;
            } else {
                b.second = std::max(b.second, p.score[k]);
            }
        }
        return b;
    };
    // (regret, best score, -applicant): the largest regret first, ties by score, then order.
    std::priority_queue<std::tuple<double, double, int64_t>> queue;
    for (size_t a = 0; a < p.applicants; ++a) {
        const Best b = best_of(a);
        if (b.first >= 0) queue.emplace(b.first - b.second, b.first, -static_cast<int64_t>(a));
    }
    size_t placed = 0;
    while (!queue.empty()) {
        const auto [regret, first, neg] = queue.top();
        queue.pop();
        const auto a = static_cast<size_t>(-neg);
        if (site_of[a] >= 0) continue;
        const Best b = best_of(a);
        if (b.first < 0) continue;  // nothing fits any more
        if (b.first - b.second < regret - 1e-12 || b.first < first - 1e-12) {
            queue.emplace(b.first - b.second, b.first, neg);  // stale: back in with today's key
            continue;
        }
        room.take(a, b.pair);
        site_of[a] = p.site[b.pair];
        if (++placed % 64 == 0) progress(static_cast<double>(placed) / static_cast<double>(p.applicants), "placing");
    }
    return site_of;
}

// Greedy by pair: the pairs in the order of `key` (by default their score; ties by pair),
// each taken when its applicant is free and fits. Each applicant's pairs are sorted on their
// own and merged through a heap: the order of one global sort in 8 bytes a pair instead of 20
// (tens of millions of pairs at size). A pair that does not fit never will (the room only
// shrinks), so an applicant's pairs are passed over without the heap until one fits; that
// one waits its turn if another applicant's head comes first.
using PairKey = std::function<double(size_t applicant, uint64_t pair)>;
std::vector<int64_t> pair_greedy(const PlacementProblem& p, const PairKey& key = {})
{
    auto key_of = [&](size_t a, uint64_t k) { return key ? key(a, k) : p.score[k]; };
    // Per applicant, in its own range: its pairs' positions and sites, best first.
    std::vector<uint32_t> order(p.site.size()), sorted_site(p.site.size());
    std::vector<double> keys;
    struct Head {
        double key;
        uint64_t pair;
        uint32_t applicant, position;
        bool operator<(const Head& o) const { return key < o.key || (key == o.key && pair > o.pair); }  // max-heap: best key, then lowest pair
    };
    std::priority_queue<Head> heads;
    for (size_t a = 0; a < p.applicants; ++a) {
        const uint64_t first = p.offset[a], n = p.offset[a + 1] - first;
        if (n == 0) continue;
        keys.resize(n);
        for (uint64_t i = 0; i < n; ++i) {
            keys[i] = key_of(a, first + i);
            order[first + i] = static_cast<uint32_t>(i);
        }
        auto o = order.begin() + static_cast<std::ptrdiff_t>(first);
        std::stable_sort(o, o + static_cast<std::ptrdiff_t>(n), [&](uint32_t x, uint32_t y) { return keys[x] > keys[y]; });
        for (uint64_t i = 0; i < n; ++i) sorted_site[first + i] = p.site[first + order[first + i]];
        heads.push({keys[order[first]], first + order[first], static_cast<uint32_t>(a), 0});
    }
    Room room(p);
    std::vector<int64_t> site_of(p.applicants, -1);
    while (!heads.empty()) {
        Head h = heads.top();
        heads.pop();
        const size_t a = h.applicant;
        const uint64_t first = p.offset[a], n = p.offset[a + 1] - first;
        for (;;) {
            const uint32_t s = sorted_site[first + h.position];
            const bool taken = !p.multi_tenant[s] && room.tenants[s] > 0;  // the cheap test first
            if (!taken && room.fits(a, h.pair)) {
                h.key = key_of(a, h.pair);
                if (heads.empty() || !(h < heads.top())) {
                    room.take(a, h.pair);
                    site_of[a] = s;
                } else {
                    heads.push(h);  // fits now; its turn comes after the better heads
                }
                break;
            }
            if (h.position + 1 >= n) break;  // nothing left for this applicant
            ++h.position;
            h.pair = first + order[first + h.position];
        }
    }
    return site_of;
}

// Local search: an applicant moves to a better site, two applicants swap sites, or an
// unplaced one replaces the tenant of a single-tenant site where it scores more, while every
// constraint holds; until nothing improves. One room kept up to date: each step is a release
// and a take.
void improve(const PlacementProblem& p, std::vector<int64_t>& site_of, const Progress& progress)
{
    std::vector<uint64_t> pair_of(p.applicants, UINT64_MAX);
    std::vector<int64_t> tenant(p.sites, -1);  // single-tenant sites: who is there
    Room room(p);
    for (size_t a = 0; a < p.applicants; ++a) {
        if (site_of[a] < 0) continue;
        for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
            if (static_cast<int64_t>(p.site[k]) == site_of[a]) pair_of[a] = k;
        room.take(a, pair_of[a]);
        if (!p.multi_tenant[static_cast<size_t>(site_of[a])]) tenant[static_cast<size_t>(site_of[a])] = static_cast<int64_t>(a);
    }
    // Applicant a's pair at site s, if any (pairs listed by site: a binary search).
    bool by_site = true;
    for (size_t a = 0; a < p.applicants && by_site; ++a)
        by_site = std::is_sorted(p.site.begin() + static_cast<std::ptrdiff_t>(p.offset[a]), p.site.begin() + static_cast<std::ptrdiff_t>(p.offset[a + 1]));
    auto pair_at = [&](size_t a, uint32_t s) -> uint64_t {
        const auto first = p.site.begin() + static_cast<std::ptrdiff_t>(p.offset[a]), last = p.site.begin() + static_cast<std::ptrdiff_t>(p.offset[a + 1]);
        const auto it = by_site ? std::lower_bound(first, last, s) : std::find(first, last, s);
        return it != last && *it == s ? static_cast<uint64_t>(it - p.site.begin()) : UINT64_MAX;
    };
    auto place = [&](size_t a, uint64_t k) {
        room.take(a, k);
        pair_of[a] = k;
        site_of[a] = p.site[k];
        if (!p.multi_tenant[p.site[k]]) tenant[p.site[k]] = static_cast<int64_t>(a);
    };
    auto unplace = [&](size_t a) {
        room.release(a, pair_of[a]);
        if (!p.multi_tenant[p.site[pair_of[a]]]) tenant[p.site[pair_of[a]]] = -1;
        pair_of[a] = UINT64_MAX;
        site_of[a] = -1;
    };
    for (int pass = 0; pass < 20; ++pass) {
        progress(-1, "improving");
        bool changed = false;
        for (size_t a = 0; a < p.applicants; ++a) {
            if (site_of[a] < 0) continue;
            const uint64_t now = pair_of[a];
            unplace(a);
            uint64_t best = now;
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
                if (p.score[k] > p.score[best] + 1e-12 && room.fits(a, k)) best = k;
            place(a, best);
            changed = changed || best != now;
        }
        for (size_t a = 0; a < p.applicants; ++a) {
            if (site_of[a] >= 0) continue;
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1] && site_of[a] < 0; ++k) {
                if (room.fits(a, k)) {
                    place(a, k);
                    changed = true;
                    break;
                }
                const int64_t b = tenant[p.site[k]];
                if (b < 0 || p.score[k] <= p.score[pair_of[static_cast<size_t>(b)]] + 1e-12) continue;
                const uint64_t kb = pair_of[static_cast<size_t>(b)];
                unplace(static_cast<size_t>(b));
                if (room.fits(a, k)) {
                    place(a, k);
                    changed = true;
                } else {
                    place(static_cast<size_t>(b), kb);
                }
            }
        }
        // Swaps: a placed applicant and the tenant of a single-tenant site it would rather
        // have trade places when the two together score more.
        for (size_t a = 0; a < p.applicants; ++a) {
            if (site_of[a] < 0) continue;
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
                const int64_t b = tenant[p.site[k]];
                if (b < 0 || b == static_cast<int64_t>(a) || p.score[k] <= p.score[pair_of[a]] + 1e-12) continue;
                const size_t bb = static_cast<size_t>(b);
                const uint64_t kb_there = pair_at(bb, p.site[pair_of[a]]);
                if (kb_there == UINT64_MAX) continue;
                const uint64_t ka = pair_of[a], kb = pair_of[bb];
                if (p.score[k] + p.score[kb_there] <= p.score[ka] + p.score[kb] + 1e-12) continue;
                unplace(a);
                unplace(bb);
                if (room.fits(a, k)) {
                    place(a, k);
                    if (room.fits(bb, kb_there)) {
                        place(bb, kb_there);
                        changed = true;
                        break;
                    }
                    unplace(a);
                }
                place(a, ka);
                place(bb, kb);
            }
        }
        if (!changed) break;
    }
}

double seconds_since(std::chrono::steady_clock::time_point t) { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count(); }

double value_of(const PlacementProblem& p, const std::vector<int64_t>& site_of)
{
    double v = 0;
    for (size_t a = 0; a < p.applicants; ++a)
        if (site_of[a] >= 0)
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
                if (p.site[k] == static_cast<uint32_t>(site_of[a])) v += p.score[k];
    return v;
}

// The MIP on the pairs marked in `keep`, started from `start` (its pairs must be kept); the
// answer when CBC found one better than the start.
struct RestrictedAnswer {
    MipResult mip;
    std::vector<int64_t> site_of;  // empty: nothing better than the start
};
RestrictedAnswer solve_restricted(const PlacementProblem& p, const std::vector<uint8_t>& keep, const std::vector<int64_t>& start, double start_value,
                                  const MipLimits& limits, const Progress& progress)
{
    Mip mip;
    mip.maximise = true;
    std::vector<int> x(p.site.size(), -1);
    std::vector<std::vector<std::pair<int, double>>> floor_rows(p.sites), tenant_rows(p.sites);
    std::vector<std::vector<std::pair<int, double>>> park_rows(p.parks * p.factors);
    for (size_t a = 0; a < p.applicants; ++a) {
        int one = -1;
        for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
            if (!keep[k]) continue;
            if (one < 0) one = mip.add_row(-kInf, 1);
            x[k] = mip.add_column(p.score[k], 0, 1, true);
            mip.add_entry(one, x[k], 1);
            const uint32_t s = p.site[k];
            floor_rows[s].emplace_back(x[k], p.floor[k]);
            if (!p.multi_tenant[s]) tenant_rows[s].emplace_back(x[k], 1.0);
            const int32_t park = p.park_of_site[s];
            if (park >= 0)
                for (size_t f = 0; f < p.factors; ++f)
                    if (p.demand[a * p.factors + f] > 0) park_rows[static_cast<size_t>(park) * p.factors + f].emplace_back(x[k], p.demand[a * p.factors + f]);
        }
    }
    auto rows = [&](const std::vector<std::vector<std::pair<int, double>>>& list, auto upper) {
        for (size_t q = 0; q < list.size(); ++q) {
            const double u = upper(q);
            if (list[q].empty() || !std::isfinite(u)) continue;
            const int row = mip.add_row(-kInf, u);
            for (const auto& [col, v] : list[q]) mip.add_entry(row, col, v);
        }
    };
    rows(floor_rows, [&](size_t s) { return p.site_floor[s]; });
    rows(tenant_rows, [](size_t) { return 1.0; });
    rows(park_rows, [&](size_t q) { return p.headroom[q]; });
    mip.start.assign(mip.objective.size(), 0.0);
    for (size_t a = 0; a < p.applicants; ++a)
        for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
            if (x[k] >= 0 && start[a] == static_cast<int64_t>(p.site[k])) mip.start[static_cast<size_t>(x[k])] = 1;
    RestrictedAnswer out;
    out.mip = solve_mip(mip, limits, progress);
    if (!out.mip.x.empty() && out.mip.value > start_value + 1e-9 * std::max(1.0, start_value)) {
        std::vector<int64_t> site_of(p.applicants, -1);
        for (size_t a = 0; a < p.applicants; ++a)
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
                if (x[k] >= 0 && out.mip.x[static_cast<size_t>(x[k])] > 0.5) site_of[a] = p.site[k];
        if (placement_violation(p, site_of).empty()) out.site_of = std::move(site_of);
    }
    return out;
}

}  // namespace

std::string placement_violation(const PlacementProblem& p, const std::vector<int64_t>& site_of)
{
    Room room(p);
    for (size_t a = 0; a < p.applicants; ++a) {
        if (site_of[a] < 0) continue;
        uint64_t pair = UINT64_MAX;
        for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
            if (p.site[k] == static_cast<uint32_t>(site_of[a])) pair = k;
        if (pair == UINT64_MAX) return "applicant " + std::to_string(a) + " is on a site it cannot use";
        room.take(a, pair);
    }
    for (size_t s = 0; s < p.sites; ++s) {
        if (room.floor_left[s] < -1e-6 * std::max(1.0, p.site_floor[s])) return "site " + std::to_string(s) + " holds more floor area than it can";
        if (!p.multi_tenant[s] && room.tenants[s] > 1) return "site " + std::to_string(s) + " holds more than one applicant";
    }
    for (size_t q = 0; q < p.parks * p.factors; ++q)
        if (std::isfinite(p.headroom[q]) && room.headroom_left[q] < -1e-6 * std::max(1.0, std::abs(p.headroom[q])))
            return "park " + std::to_string(q / std::max<size_t>(1, p.factors)) + " runs past its capacity of factor " + std::to_string(q % std::max<size_t>(1, p.factors));
    return "";
}

PlacementResult place_applicants(const PlacementProblem& p, const PlacementOptions& o, const Progress& progress)
{
    for (size_t k = 0; k < p.site.size(); ++k) {
        if (p.site[k] >= p.sites) throw Error("placement: a pair names site " + std::to_string(p.site[k]) + " of " + std::to_string(p.sites));
        if (!(p.score[k] >= 0) || !(p.floor[k] >= 0)) throw Error("placement: a negative or unknown score or floor area");
    }
    for (double d : p.demand)
        if (!(d >= 0)) throw Error("placement: a negative or unknown infrastructure demand");
    const auto started = std::chrono::steady_clock::now();
    PlacementResult r;
    // Two starts (regret, and the best pairs first), each improved by local search.
    std::vector<int64_t> by_regret = regret_heuristic(p, progress), by_pair = pair_greedy(p);
    improve(p, by_regret, progress);
    improve(p, by_pair, progress);
    r.site_of = value_of(p, by_pair) > value_of(p, by_regret) + 1e-12 ? by_pair : by_regret;
    r.value = value_of(p, r.site_of);
    // The bound: the LP by column generation; its row prices order two more starts (the pairs
    // by priced score, and the LP's own answer first) and, for the exact solve, fix pairs.
    PlacementPrices prices = placement_lp_bound(p, r.site_of, progress);
    const std::string bound_method = "LP bound (" + std::to_string(prices.columns) + " of " + std::to_string(p.site.size()) + " pairs priced in, " +
                                     std::to_string(prices.rounds) + " rounds" + (prices.converged ? "" : ", then subgradient steps") + ")";
    // Each pair's score less what it uses at the prices that gave the bound.
    const PairKey priced = [&](size_t a, uint64_t k) { return prices.priced(p, a, k); };
    auto keep_better = [&](std::vector<int64_t> site_of) {
        improve(p, site_of, progress);
        const double v = value_of(p, site_of);
        if (v > r.value + 1e-12) {
            r.site_of = std::move(site_of);
            r.value = v;
        }
    };
    keep_better(pair_greedy(p, priced));
    // The LP's own answer first: its pairs by their value (lp_pairs is in pair order).
    if (!prices.lp_pairs.empty())
        keep_better(pair_greedy(p, [&](size_t a, uint64_t k) {
            const auto it = std::lower_bound(prices.lp_pairs.begin(), prices.lp_pairs.end(), std::pair<uint64_t, double>(k, -kInf));
            const double x = it != prices.lp_pairs.end() && it->first == k ? it->second : 0.0;
            return x * 1e6 + priced(a, k);
        }));
    const double lagrangian = prices.bound;
    r.bound = std::max(lagrangian, r.value);
    r.method = "heuristic: regret, best-pair, priced-pair and LP-rounding starts, moves and replacements; " + bound_method;
    r.status = gap_of(r.value, r.bound) == 0 ? "optimal" : "heuristic";
    if (o.exact && r.status != "optimal") {
        // Each pair's reduced cost at the bound's prices: what forcing it into the
        // relaxation's answer costs (<= 0).
        std::vector<double> reduced(p.site.size());
        for (size_t a = 0; a < p.applicants; ++a) {
            double best_a = 0;
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
                if (pair_usable(p, a, k)) best_a = std::max(best_a, priced(a, k));
            // A pair no answer can use gets no room at all.
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) reduced[k] = pair_usable(p, a, k) ? std::min(0.0, priced(a, k) - best_a) : -kInf;
        }
        auto is_start = [&](size_t a, uint64_t k) { return r.site_of[a] == static_cast<int64_t>(p.site[k]); };
        auto adopt = [&](RestrictedAnswer& ra) {
            if (ra.site_of.empty()) return;
            r.site_of = std::move(ra.site_of);
            r.value = value_of(p, r.site_of);
        };
        // First a search near the LP: the MIP on the pairs it prices (almost) fully, about a
        // dozen per applicant, for a better answer to fix the rest with.
        {
            std::vector<double> cut(reduced);
            const size_t wanted = std::min(cut.size(), 12 * p.applicants);
            double threshold = -kInf;
            if (wanted < cut.size()) {
                std::nth_element(cut.begin(), cut.begin() + static_cast<std::ptrdiff_t>(wanted), cut.end(), std::greater<>());
                threshold = cut[wanted];
            }
            std::vector<uint8_t> near(p.site.size(), 0);
            size_t count = 0;
            for (size_t a = 0; a < p.applicants; ++a)
                for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
                    near[k] = reduced[k] > threshold || is_start(a, k);
                    count += near[k];
                }
            // A share of the limits: at most 2,000 nodes and half the time.
            MipLimits near_limits = o.limits;
            near_limits.max_nodes = o.limits.max_nodes > 0 ? std::min<long>(o.limits.max_nodes, 2000) : 2000;
            near_limits.max_seconds = o.limits.max_seconds / 2;
            RestrictedAnswer ra = solve_restricted(p, near, r.site_of, r.value, near_limits, progress);
            r.nodes += ra.mip.nodes;
            r.method += "; near the LP (CBC on " + std::to_string(count) + " pairs): " + ra.mip.status;
            adopt(ra);
        }
        // Fixing by reduced cost: where forcing a pair takes the bound below the answer in
        // hand, no better answer uses the pair, and the MIP leaves it out.
        std::vector<uint8_t> keep(p.site.size(), 0);
        size_t kept = 0;
        for (size_t a = 0; a < p.applicants; ++a)
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
                keep[k] = lagrangian + reduced[k] >= r.value - 1e-9 * std::max(1.0, r.value) || is_start(a, k);
                kept += keep[k];
            }
        MipLimits rest = o.limits;
        if (rest.max_seconds > 0) rest.max_seconds = std::max(1.0, o.limits.max_seconds - seconds_since(started));
        RestrictedAnswer ra = solve_restricted(p, keep, r.site_of, r.value, rest, progress);
        const MipResult& m = ra.mip;
        r.nodes += m.nodes;
        r.method += "; exact (CBC on " + std::to_string(kept) + " of " + std::to_string(p.site.size()) + " pairs, the rest fixed by the bound): " +
                    m.status + ", " + std::to_string(m.nodes) + " nodes";
        adopt(ra);
        // A finished search proves the optimum: a better answer would need a fixed pair.
        if (m.optimal) r.bound = r.value;
        r.status = gap_of(r.value, r.bound) == 0 ? "optimal" : m.status;
    }
    r.gap = gap_of(r.value, r.bound);
    return r;
}

}  // namespace geo
