// Placement against brute-force enumeration: every assignment of small random instances.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "geo/allocate/mip.h"
#include "geo/allocate/placement.h"
#include "geo/allocate/placement_bound.h"
#include "geo/core/error.h"

namespace {

geo::PlacementProblem random_problem(unsigned seed, size_t applicants, size_t sites)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    geo::PlacementProblem p;
    p.applicants = applicants;
    p.sites = sites;
    p.parks = 2;
    p.factors = 2;
    for (size_t s = 0; s < sites; ++s) {
        p.site_floor.push_back(std::round(2000 + 8000 * u(rng)));
        p.multi_tenant.push_back(s % 3 == 0);
        p.park_of_site.push_back(s == sites - 1 ? -1 : static_cast<int32_t>(s % 2));
    }
    p.offset.push_back(0);
    for (size_t a = 0; a < applicants; ++a) {
        const double need = std::round(1000 + 5000 * u(rng));
        for (size_t s = 0; s < sites; ++s) {
            if (need > p.site_floor[s]) continue;  // too small: no pair
            p.site.push_back(static_cast<uint32_t>(s));
            p.score.push_back(std::round(100 * u(rng)) / 10);
            p.floor.push_back(need);
        }
        p.offset.push_back(p.site.size());
        p.demand.push_back(std::round(50 * u(rng)));  // power
        p.demand.push_back(std::round(20 * u(rng)));  // water
    }
    p.headroom = {60, 30, 80, std::numeric_limits<double>::infinity()};
    return p;
}

double brute_force(const geo::PlacementProblem& p)
{
    std::vector<int64_t> site_of(p.applicants, -1);
    double best = 0;
    std::function<void(size_t, double)> go = [&](size_t a, double v) {
        if (a == p.applicants) {
            if (v > best && geo::placement_violation(p, site_of).empty()) best = v;
            return;
        }
        site_of[a] = -1;
        go(a + 1, v);
        for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
            site_of[a] = p.site[k];
            go(a + 1, v + p.score[k]);
        }
        site_of[a] = -1;
    };
    go(0, 0);
    return best;
}

}  // namespace

TEST_CASE("placement: exact equals brute force, the regret heuristic's answer is feasible and below its bound")
{
    for (unsigned seed = 1; seed <= 12; ++seed) {
        CAPTURE(seed);
        const geo::PlacementProblem p = random_problem(seed, 6, 5);
        const double best = brute_force(p);
        geo::PlacementOptions exact;
        exact.exact = true;
        const geo::PlacementResult e = geo::place_applicants(p, exact);
        CHECK(e.value == doctest::Approx(best));
        CHECK(e.status == "optimal");
        CHECK(geo::placement_violation(p, e.site_of).empty());
        const geo::PlacementResult h = geo::place_applicants(p);
        CHECK(geo::placement_violation(p, h.site_of).empty());
        CHECK(h.value <= best + 1e-9);
        CHECK(h.bound >= best - 1e-9);
        CHECK(h.gap < 1.0);
    }
    // A pair naming a site that does not exist is refused.
    geo::PlacementProblem bad = random_problem(1, 3, 3);
    bad.site[0] = 9;
    CHECK_THROWS_WITH_AS(geo::place_applicants(bad), doctest::Contains("names site 9 of 3"), geo::Error);
}

TEST_CASE("placement: the column-generation LP bound equals the LP over every pair and bounds the optimum")
{
    for (unsigned seed = 1; seed <= 6; ++seed) {
        CAPTURE(seed);
        const geo::PlacementProblem p = random_problem(seed, 40, 12);
        // The LP with every pair as a column: CBC with no integer column solves it.
        geo::Mip lp;
        lp.maximise = true;
        std::vector<int> tenant(p.sites), floor_row(p.sites), park_row(p.parks * p.factors, -1);
        std::vector<int> one(p.applicants);
        for (size_t a = 0; a < p.applicants; ++a) one[a] = lp.add_row(-1e300, 1);
        for (size_t s = 0; s < p.sites; ++s) {
            tenant[s] = p.multi_tenant[s] ? -1 : lp.add_row(-1e300, 1);
            floor_row[s] = lp.add_row(-1e300, p.site_floor[s]);
        }
        for (size_t q = 0; q < park_row.size(); ++q)
            if (std::isfinite(p.headroom[q])) park_row[q] = lp.add_row(-1e300, p.headroom[q]);
        for (size_t a = 0; a < p.applicants; ++a)
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) {
                const int c = lp.add_column(p.score[k], 0, 1, false);
                const uint32_t s = p.site[k];
                lp.add_entry(one[a], c, 1);
                if (tenant[s] >= 0) lp.add_entry(tenant[s], c, 1);
                lp.add_entry(floor_row[s], c, p.floor[k]);
                if (p.park_of_site[s] >= 0)
                    for (size_t f = 0; f < p.factors; ++f) {
                        const int r = park_row[static_cast<size_t>(p.park_of_site[s]) * p.factors + f];
                        if (r >= 0) lp.add_entry(r, c, p.demand[a * p.factors + f]);
                    }
            }
        const geo::MipResult full = geo::solve_mip(lp, {}, {});
        REQUIRE(full.optimal);
        const geo::PlacementPrices prices = geo::placement_lp_bound(p, std::vector<int64_t>(p.applicants, -1));
        CHECK(prices.converged);
        CHECK(prices.columns < p.site.size());  // priced in, not all listed
        CHECK(prices.bound == doctest::Approx(full.value).epsilon(1e-7));
        CHECK(prices.lp_value == doctest::Approx(full.value).epsilon(1e-7));
        // Every pair's priced score is its score less what it uses: the bound's formula by hand.
        double by_hand = 0;
        for (size_t s = 0; s < p.sites; ++s) by_hand += (p.multi_tenant[s] ? 0.0 : prices.tenant[s]) + prices.floor[s] * p.site_floor[s];
        for (size_t q = 0; q < prices.park.size(); ++q)
            if (std::isfinite(p.headroom[q])) by_hand += prices.park[q] * p.headroom[q];
        for (size_t a = 0; a < p.applicants; ++a) {
            double best = 0;
            for (uint64_t k = p.offset[a]; k < p.offset[a + 1]; ++k) best = std::max(best, prices.priced(p, a, k));
            by_hand += best;
        }
        CHECK(by_hand == doctest::Approx(prices.bound).epsilon(1e-9));
    }
}

TEST_CASE("placement: on 100 applicants x 30 sites the optimum lies between the heuristic and its LP bound, the heuristic within 2%")
{
    for (unsigned seed : {3u, 7u}) {
        CAPTURE(seed);
        const geo::PlacementProblem p = random_problem(seed, 100, 30);
        geo::PlacementOptions exact;
        exact.exact = true;
        const geo::PlacementResult e = geo::place_applicants(p, exact);
        REQUIRE(e.status == "optimal");
        const geo::PlacementResult h = geo::place_applicants(p);
        CHECK(geo::placement_violation(p, h.site_of).empty());
        CHECK(h.value <= e.value + 1e-9);
        CHECK(h.bound >= e.value - 1e-9);
        CHECK(h.value >= 0.98 * e.value);
        CHECK(h.method.find("LP bound") != std::string::npos);
        // Deterministic: the same input, the same answer.
        CHECK(geo::place_applicants(p).site_of == h.site_of);
    }
}

TEST_CASE("placement: an LP stopped early still bounds the optimum, through subgradient steps from its prices")
{
    int stopped = 0;
    for (unsigned seed = 1; seed <= 4; ++seed) {
        CAPTURE(seed);
        const geo::PlacementProblem p = random_problem(seed, 200, 10);  // many more pairs than the LP starts from
        geo::PlacementOptions exact;
        exact.exact = true;
        const geo::PlacementResult e = geo::place_applicants(p, exact);
        REQUIRE(e.status == "optimal");
        const double best = e.value;
        const geo::PlacementPrices full = geo::placement_lp_bound(p, std::vector<int64_t>(p.applicants, -1));
        const geo::PlacementPrices cut = geo::placement_lp_bound(p, std::vector<int64_t>(p.applicants, -1), {}, 0);
        CHECK(full.converged);
        CHECK(cut.rounds == 1);
        stopped += !cut.converged;  // where the first columns were enough, it converged anyway
        CHECK(std::isfinite(cut.bound));
        CHECK(cut.bound >= best - 1e-9);
        CHECK(full.bound >= best - 1e-9);
        CHECK(cut.bound >= full.bound - 1e-7);  // never below the LP
    }
    CHECK(stopped >= 3);
}
