// Placement against brute-force enumeration: every assignment of small random instances.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "geo/allocate/placement.h"
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
