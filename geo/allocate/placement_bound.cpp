#include "geo/allocate/placement_bound.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <coin/ClpEventHandler.hpp>
#include <coin/ClpSimplex.hpp>

namespace geo {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool cancelled(const Progress& p) { return p.cancel && p.cancel->load(std::memory_order_relaxed); }

// Stops a long LP between simplex iterations.
class CancelLp : public ClpEventHandler {
public:
    explicit CancelLp(const Progress& p) : m_progress(p) {}
    int event(Event e) override { return e == endOfIteration && cancelled(m_progress) ? 5 : -1; }
    ClpEventHandler* clone() const override { return new CancelLp(*this); }

private:
    Progress m_progress;
};

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

PlacementPrices placement_lp_bound(const PlacementProblem& p, const std::vector<int64_t>& start, const Progress& progress)
{
    const Rows rows(p);
    PlacementPrices prices;
    prices.tenant.assign(p.sites, 0.0);
    prices.floor.assign(p.sites, 0.0);
    prices.park.assign(p.parks * p.factors, 0.0);
    prices.bound = kInf;

    auto usable = [&](size_t a, uint64_t k) { return pair_usable(p, a, k); };

    // Seed: each applicant's best few pairs and the answer in hand.
    std::vector<uint8_t> in_lp(p.site.size(), 0);
    std::vector<uint64_t> column_pair;
    Columns seed;
    constexpr size_t kSeedPerApplicant = 8;
    std::vector<uint64_t> order;
    for (size_t a = 0; a < p.applicants; ++a) {
        order.clear();
        for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
            if (usable(a, k) && p.score[k] > 0) order.push_back(k);
        const size_t n = std::min(order.size(), kSeedPerApplicant);
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                          [&](uint64_t x, uint64_t y) { return p.score[x] > p.score[y] || (p.score[x] == p.score[y] && x < y); });
        order.resize(n);
        if (start[a] >= 0)
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k)
                if (static_cast<int64_t>(p.site[k]) == start[a] && std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
        for (uint64_t k : order) {
            in_lp[k] = 1;
            column_pair.push_back(k);
            seed.add(p, rows, a, k);
        }
    }

    ClpSimplex lp;
    lp.setLogLevel(0);
    lp.messageHandler()->setLogLevel(0);
    {
        std::vector<double> row_lower(static_cast<size_t>(rows.count), -kInf);
        lp.loadProblem(seed.size(), rows.count, seed.start.data(), seed.row.data(), seed.element.data(), seed.lower.data(), seed.upper.data(),
                       seed.objective.data(), row_lower.data(), rows.upper.data());
    }
    CancelLp handler(progress);
    lp.passInEventHandler(&handler);
    lp.setOptimizationDirection(1);

    std::vector<double> best_add;
    std::vector<uint64_t> best_pair;
    constexpr size_t kAddPerApplicant = 4;
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
        double bound = 0;
        for (size_t s = 0; s < p.sites; ++s) {
            if (rows.tenant[s] >= 0) bound += now.tenant[s];
            if (rows.floor[s] >= 0) bound += now.floor[s] * p.site_floor[s];
        }
        for (size_t q = 0; q < now.park.size(); ++q)
            if (rows.park[q] >= 0) bound += now.park[q] * rows.upper[static_cast<size_t>(rows.park[q])];
        Columns added;
        for (size_t a = 0; a < p.applicants; ++a) {
            const double own = price(static_cast<int>(a));
            double best = 0;
            best_add.clear();
            best_pair.clear();
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
                if (!usable(a, k)) continue;
                const double v = now.priced(p, a, k);
                best = std::max(best, v);
                if (in_lp[k] || v - own <= 1e-9 * std::max(1.0, p.score[k])) continue;
                // Keep the kAddPerApplicant most attractive.
                if (best_add.size() < kAddPerApplicant) {
                    best_add.push_back(v);
                    best_pair.push_back(k);
                } else {
                    const auto worst = std::min_element(best_add.begin(), best_add.end()) - best_add.begin();
                    if (v > best_add[static_cast<size_t>(worst)]) {
                        best_add[static_cast<size_t>(worst)] = v;
                        best_pair[static_cast<size_t>(worst)] = k;
                    }
                }
            }
            bound += best;
            for (uint64_t k : best_pair) {
                in_lp[k] = 1;
                column_pair.push_back(k);
                added.add(p, rows, a, k);
            }
        }
        if (bound < prices.bound) {
            now.bound = bound;
            now.rounds = prices.rounds;
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
        lp.addColumns(added.size(), added.lower.data(), added.upper.data(), added.objective.data(), added.start.data(), added.row.data(),
                      added.element.data());
    }
    prices.columns = column_pair.size();
    const double* x = lp.primalColumnSolution();
    for (size_t j = 0; j < column_pair.size() && static_cast<int>(j) < lp.numberColumns(); ++j)
        if (x[j] > 1e-9) prices.lp_pairs.emplace_back(column_pair[j], x[j]);
    std::sort(prices.lp_pairs.begin(), prices.lp_pairs.end());
    return prices;
}

}  // namespace geo
