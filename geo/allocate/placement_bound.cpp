#include "geo/allocate/placement_bound.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <coin/ClpSimplex.hpp>

#include "geo/allocate/clp_stop.h"

namespace geo {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool cancelled(const Progress& p) { return p.cancel && p.cancel->load(std::memory_order_relaxed); }

// The LP's rows: applicants first, then the side rows, each with its right-hand side.
struct Rows {
    std::vector<int> tenant, floor, park;  // row of each site's tenancy / floor, each park factor; -1 none
    std::vector<double> upper;
    int count = 0;

    explicit Rows(const PlacementProblem& p) : tenant(p.sites, -1), floor(p.sites, -1), park(p.parks * p.factors, -1)
    {
        upper.assign(p.applicants, 1.0);
        count = static_cast<int>(p.applicants);
        // A single-tenant site needs a floor row only if a pair alone is too large for it.
        std::vector<uint8_t> oversized(p.sites, 0);
        for (size_t k = 0; k < p.site.size(); ++k)
            if (p.floor[k] > p.site_floor[p.site[k]]) oversized[p.site[k]] = 1;
        for (size_t s = 0; s < p.sites; ++s) {
            if (!p.multi_tenant[s]) add(tenant[s], 1.0);
            if (p.multi_tenant[s] || oversized[s]) add(floor[s], p.site_floor[s]);
        }
        for (size_t q = 0; q < park.size(); ++q)
            if (std::isfinite(p.headroom[q])) add(park[q], std::max(0.0, p.headroom[q]));
    }
    void add(int& row, double rhs)
    {
        row = count++;
        upper.push_back(rhs);
    }
};

// A batch of columns in CLP's column-ordered form.
struct Columns {
    std::vector<double> objective, lower, upper, element;
    std::vector<int> row;
    std::vector<CoinBigIndex> start{0};

    void add(const PlacementProblem& p, const Rows& rows, size_t a, uint64_t k)
    {
        const uint32_t s = p.site[k];
        objective.push_back(-p.score[k]);  // CLP minimises
        lower.push_back(0);
        upper.push_back(1);
        auto entry = [&](int r, double v) {
            if (r < 0 || v == 0) return;
            row.push_back(r);
            element.push_back(v);
        };
        entry(static_cast<int>(a), 1.0);
        entry(rows.tenant[s], 1.0);
        entry(rows.floor[s], p.floor[k]);
        const int32_t q = p.park_of_site[s];
        if (q >= 0)
            for (size_t f = 0; f < p.factors; ++f) entry(rows.park[static_cast<size_t>(q) * p.factors + f], p.demand[a * p.factors + f]);
        start.push_back(static_cast<CoinBigIndex>(row.size()));
    }
    int size() const { return static_cast<int>(objective.size()); }
};

// The best few pairs per key (per site, per applicant): a small bounded list each.
class TopPairs {
public:
    TopPairs(size_t keys, size_t per_key) : m_per_key(per_key), m_value(keys * per_key, -kInf), m_pair(keys * per_key, UINT64_MAX) {}
    void offer(size_t key, double value, uint64_t pair)
    {
        double* v = m_value.data() + key * m_per_key;
        const size_t worst = static_cast<size_t>(std::min_element(v, v + m_per_key) - v);
        if (value > v[worst]) {
            v[worst] = value;
            m_pair[key * m_per_key + worst] = pair;
        }
    }
    template <class F>
    void each(F&& f) const
    {
        for (uint64_t k : m_pair)
            if (k != UINT64_MAX) f(k);
    }

private:
    size_t m_per_key;
    std::vector<double> m_value;
    std::vector<uint64_t> m_pair;
};

// The Lagrangian bound at `prices` over the usable pairs: what the side rows are worth at
// their prices, plus each applicant's best priced pair (or nothing). `use`, when given,
// receives how much of each side row the applicants' best pairs take.
// What the side rows (tenancy, floor, park headroom) are worth at their prices.
double side_value(const PlacementProblem& p, const Rows& rows, const PlacementPrices& prices)
{
    double v = 0;
    for (size_t s = 0; s < p.sites; ++s) {
        if (rows.tenant[s] >= 0) v += prices.tenant[s];
        if (rows.floor[s] >= 0) v += prices.floor[s] * p.site_floor[s];
    }
    for (size_t q = 0; q < prices.park.size(); ++q)
        if (rows.park[q] >= 0) v += prices.park[q] * rows.upper[static_cast<size_t>(rows.park[q])];
    return v;
}

double lagrangian_at(const PlacementProblem& p, const Rows& rows, const PlacementPrices& prices, std::vector<double>* use = nullptr)
{
    double bound = side_value(p, rows, prices);
    if (use) use->assign(static_cast<size_t>(rows.count), 0.0);
    for (size_t a = 0; a < p.applicants; ++a) {
        double best = 0;
        uint64_t pick = UINT64_MAX;
        for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
            if (!pair_usable(p, a, k)) continue;
            const double v = prices.priced(p, a, k);
            if (v > best) {
                best = v;
                pick = k;
            }
        }
        bound += best;
        if (!use || pick == UINT64_MAX) continue;
        const uint32_t s = p.site[pick];
        if (rows.tenant[s] >= 0) (*use)[static_cast<size_t>(rows.tenant[s])] += 1;
        if (rows.floor[s] >= 0) (*use)[static_cast<size_t>(rows.floor[s])] += p.floor[pick];
        const int32_t q = p.park_of_site[s];
        if (q >= 0)
            for (size_t f = 0; f < p.factors; ++f) {
                const int r = rows.park[static_cast<size_t>(q) * p.factors + f];
                if (r >= 0) (*use)[static_cast<size_t>(r)] += p.demand[a * p.factors + f];
            }
    }
    return bound;
}

// Subgradient steps on the side rows' prices, from `prices` (the LP's, when it stopped early,
// or none), towards `target` (the answer in hand); `prices` ends at the best bound found.
// A budget of about 5e9 pair visits, at most 300 rounds.
void subgradient(const PlacementProblem& p, const Rows& rows, PlacementPrices& prices, double target, const Progress& progress)
{
    PlacementPrices now = prices;
    std::vector<double> use;
    double step_scale = 1.0;
    int since = 0;
    const double visits = static_cast<double>(p.site.size()) * static_cast<double>(1 + p.factors);
    const int rounds = static_cast<int>(std::clamp(5e9 / std::max(1.0, visits), 20.0, 300.0));
    // Each side row's price in units of its right-hand side, so that the steps are comparable.
    auto each_row = [&](auto&& f) {
        for (size_t s = 0; s < p.sites; ++s) {
            if (rows.tenant[s] >= 0) f(now.tenant[s], rows.tenant[s]);
            if (rows.floor[s] >= 0) f(now.floor[s], rows.floor[s]);
        }
        for (size_t q = 0; q < now.park.size(); ++q)
            if (rows.park[q] >= 0) f(now.park[q], rows.park[q]);
    };
    for (int it = 0; it < rounds; ++it) {
        progress(-1, "bounding (subgradient)");
        const double L = lagrangian_at(p, rows, now, &use);
        if (L < prices.bound) {
            prices.tenant = now.tenant;
            prices.floor = now.floor;
            prices.park = now.park;
            prices.bound = L;
            since = 0;
        } else if (++since >= 10) {
            step_scale /= 2;
            since = 0;
        }
        if (step_scale < 1e-4 || prices.bound <= target + 1e-9 * std::max(1.0, std::abs(target))) break;
        double norm = 0;
        each_row([&](double& price, int r) {
            const double rhs = rows.upper[static_cast<size_t>(r)];
            if (rhs <= 0) return;
            double g = (use[static_cast<size_t>(r)] - rhs) / rhs;  // over-use raises the price
            if (price <= 0 && g < 0) g = 0;
            norm += g * g;
        });
        if (norm == 0) break;
        const double t = step_scale * (L - target) / norm;
        each_row([&](double& price, int r) {
            const double rhs = rows.upper[static_cast<size_t>(r)];
            if (rhs <= 0) return;
            price = std::max(0.0, price + t * (use[static_cast<size_t>(r)] - rhs) / rhs / rhs);
        });
    }
}

}  // namespace

bool pair_usable(const PlacementProblem& p, size_t a, uint64_t k)
{
    const uint32_t s = p.site[k];
    if (p.floor[k] > p.site_floor[s]) return false;
    const int32_t q = p.park_of_site[s];
    if (q >= 0)
        for (size_t f = 0; f < p.factors; ++f)
            if (p.demand[a * p.factors + f] > p.headroom[static_cast<size_t>(q) * p.factors + f]) return false;
    return true;
}

PlacementPrices placement_lp_bound(const PlacementProblem& p, const std::vector<int64_t>& start, const Progress& progress, size_t columns_per_row)
{
    const Rows rows(p);
    PlacementPrices prices;
    prices.tenant.assign(p.sites, 0.0);
    prices.floor.assign(p.sites, 0.0);
    prices.park.assign(p.parks * p.factors, 0.0);
    prices.bound = kInf;

    // Seed: each site's best few applicants, each applicant's best pairs and the answer in hand.
    std::vector<uint8_t> in_lp(p.site.size(), 0);
    std::vector<uint64_t> column_pair;
    std::vector<uint32_t> owner(p.site.size());
    Columns seed;
    auto take = [&](Columns& batch, uint64_t k) {
        if (in_lp[k]) return;
        in_lp[k] = 1;
        column_pair.push_back(k);
        batch.add(p, rows, owner[k], k);
    };
    {
        TopPairs per_site(p.sites, 16), per_applicant(p.applicants, 4);
        for (size_t a = 0; a < p.applicants; ++a)
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
                owner[k] = static_cast<uint32_t>(a);
                if (!pair_usable(p, a, k) || !(p.score[k] > 0)) continue;
                per_site.offer(p.site[k], p.score[k], k);
                per_applicant.offer(a, p.score[k], k);
            }
        std::vector<uint64_t> chosen;
        per_site.each([&](uint64_t k) { chosen.push_back(k); });
        per_applicant.each([&](uint64_t k) { chosen.push_back(k); });
        for (size_t a = 0; a < p.applicants; ++a)
            if (start[a] >= 0)
                for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
                    if (static_cast<int64_t>(p.site[k]) == start[a]) chosen.push_back(k);
        std::sort(chosen.begin(), chosen.end());  // columns in pair order: the same LP every time
        for (uint64_t k : chosen) take(seed, k);
    }

    ClpSimplex lp;
    lp.setLogLevel(0);
    lp.messageHandler()->setLogLevel(0);
    {
        std::vector<double> row_lower(static_cast<size_t>(rows.count), -kInf);
        lp.loadProblem(seed.size(), rows.count, seed.start.data(), seed.row.data(), seed.element.data(), seed.lower.data(), seed.upper.data(),
                       seed.objective.data(), row_lower.data(), rows.upper.data());
    }
    ClpStop handler(progress);
    lp.passInEventHandler(&handler);
    lp.setOptimizationDirection(1);

    for (;;) {
        progress(-1, "bounding (LP)");
        lp.primal(prices.rounds == 0 ? 0 : 1);
        if (cancelled(progress)) throw Cancelled();
        ++prices.rounds;
        if (lp.status() != 0) break;  // not solved (numerical trouble): keep the best prices so far
        const double* dual = lp.dualRowSolution();
        auto price = [&](int r) { return r < 0 ? 0.0 : std::max(0.0, -dual[r]); };
        PlacementPrices now;
        now.tenant.resize(p.sites);
        now.floor.resize(p.sites);
        now.park.resize(p.parks * p.factors);
        for (size_t s = 0; s < p.sites; ++s) {
            now.tenant[s] = price(rows.tenant[s]);
            now.floor[s] = price(rows.floor[s]);
        }
        for (size_t q = 0; q < now.park.size(); ++q) now.park[q] = price(rows.park[q]);
        // The Lagrangian bound at these prices, and the columns that would raise the LP.
        double bound = side_value(p, rows, now);
        // Columns that would raise the LP: each site's three and each applicant's one most
        // attractive (a few per round keep the LP small: more rounds, each quicker).
        TopPairs per_site(p.sites, 3), per_applicant(p.applicants, 1);
        bool any = false;
        for (size_t a = 0; a < p.applicants; ++a) {
            const double own = price(static_cast<int>(a));
            double best = 0;
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
                if (!pair_usable(p, a, k)) continue;
                const double v = now.priced(p, a, k);
                best = std::max(best, v);
                const double gain = v - own;
                if (in_lp[k] || gain <= 1e-9 * std::max(1.0, p.score[k])) continue;
                per_site.offer(p.site[k], gain, k);
                per_applicant.offer(a, gain, k);
                any = true;
            }
            bound += best;
        }
        Columns added;
        if (any) {
            std::vector<uint64_t> chosen;
            per_site.each([&](uint64_t k) { chosen.push_back(k); });
            per_applicant.each([&](uint64_t k) { chosen.push_back(k); });
            std::sort(chosen.begin(), chosen.end());
            for (uint64_t k : chosen) take(added, k);
        }
        if (bound < prices.bound) {
            prices.tenant = std::move(now.tenant);
            prices.floor = std::move(now.floor);
            prices.park = std::move(now.park);
            prices.bound = bound;
        }
        prices.lp_value = -lp.objectiveValue();
        if (added.size() == 0) {
            prices.converged = true;
            break;
        }
        // On a large problem the LP grows past what CLP solves in reasonable time: stop at
        // `columns_per_row` (25) and go on by subgradient steps from these prices.
        if (column_pair.size() + static_cast<size_t>(added.size()) > columns_per_row * (p.applicants + p.sites)) break;
        lp.addColumns(added.size(), added.lower.data(), added.upper.data(), added.objective.data(), added.start.data(), added.row.data(),
                      added.element.data());
    }
    prices.columns = column_pair.size();
    if (!prices.converged) {
        if (!std::isfinite(prices.bound)) prices.bound = lagrangian_at(p, rows, prices);  // the LP failed: from no prices at all
        double target = 0;
        for (size_t a = 0; a < p.applicants; ++a)
            if (start[a] >= 0)
                for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
                    if (static_cast<int64_t>(p.site[k]) == start[a]) target += p.score[k];
        subgradient(p, rows, prices, target, progress);
    }
    const double* x = lp.primalColumnSolution();
    for (size_t j = 0; j < column_pair.size() && static_cast<int>(j) < lp.numberColumns(); ++j)
        if (x[j] > 1e-9) prices.lp_pairs.emplace_back(column_pair[j], x[j]);
    std::sort(prices.lp_pairs.begin(), prices.lp_pairs.end());
    return prices;
}

}  // namespace geo
