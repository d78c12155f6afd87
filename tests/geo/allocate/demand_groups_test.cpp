// Max coverage on points grouped by their covering sets against the same problem with a row
// per point: the same optimum, and each point served by the same site at the same distance.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "geo/allocate/allocate.h"
#include "geo/allocate/demand_groups.h"

TEST_CASE("max coverage on grouped demand: the optimum and every point's site and distance as without grouping")
{
    for (unsigned seed = 1; seed <= 6; ++seed) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        // Points on a coarse grid of places (many share a covering set, some share a place),
        // sites on a lattice (equal distances, so ties are decided by the index).
        std::uniform_int_distribution<int> cell(0, 40);
        std::uniform_int_distribution<int> w(1, 9);
        std::vector<geo::Coord> demand, sites;
        std::vector<geo::Point2> demand2, sites2;
        std::vector<double> weight;
        for (int i = 0; i < 600; ++i) {
            const geo::Coord c{cell(rng) * 25.0, cell(rng) * 25.0};
            demand.push_back(c);
            demand2.push_back({c.x, c.y});
            weight.push_back(w(rng));
        }
        for (int x = 0; x <= 1000; x += 200)
            for (int y = 0; y <= 1000; y += 200) {
                sites.push_back({double(x), double(y)});
                sites2.push_back({double(x), double(y)});
            }
        const double radius = 250;
        geo::AllocationProblem whole;
        whole.objective = geo::AllocationObjective::MaxCoverage;
        whole.weight = weight;
        whole.required.assign(sites.size(), 0);
        whole.required[7] = 1;
        whole.costs = geo::straight_line_costs(demand2, sites2, radius);
        whole.p = 3;
        whole.radius = radius;

        const geo::CoverGroups g = geo::cover_groups(demand, weight, sites, radius);
        REQUIRE(g.of.size() == demand.size());
        CHECK(g.weight.size() < demand.size() / 2);
        // Points of one group are covered by the same sites, and every row is what it covers.
        for (size_t i = 0; i < demand.size(); ++i) {
            std::vector<uint32_t> covering;
            for (size_t j = 0; j < sites.size(); ++j)
                if (std::hypot(demand[i].x - sites[j].x, demand[i].y - sites[j].y) <= radius) covering.push_back(static_cast<uint32_t>(j));
            const std::vector<uint32_t> row(g.costs.candidate.begin() + static_cast<std::ptrdiff_t>(g.costs.begin(g.of[i])),
                                            g.costs.candidate.begin() + static_cast<std::ptrdiff_t>(g.costs.end(g.of[i])));
            CHECK(row == covering);
        }
        geo::AllocationProblem grouped = whole;
        grouped.weight = g.weight;
        grouped.costs = g.costs;
        geo::AllocationOptions o;
        o.solver = geo::AllocationSolver::Exact;
        o.always_run_exact = true;
        const geo::AllocationResult a = geo::allocate(whole, o);
        geo::AllocationResult b = geo::allocate(grouped, o);
        CHECK(b.value == a.value);
        CHECK(b.status == "optimal");
        // Each point: its nearest open site within the radius, found here by brute force.
        geo::expand_groups(g.of, g.costs, demand, weight, sites, b);
        double served = 0, total = 0;
        size_t unreachable = 0;
        for (size_t i = 0; i < demand.size(); ++i) {
            total += weight[i];
            int64_t best = -1;
            double d = INFINITY;
            for (size_t j = 0; j < sites.size(); ++j) {
                const double c = std::hypot(demand[i].x - sites[j].x, demand[i].y - sites[j].y);
                if (b.open[j] && c <= radius && c < d) {
                    d = c;
                    best = static_cast<int64_t>(j);
                }
            }
            CHECK(b.assigned[i] == best);
            if (best >= 0) {
                CHECK(b.cost[i] == doctest::Approx(d));
                served += weight[i];
            } else {
                CHECK(std::isnan(b.cost[i]));
            }
            unreachable += g.costs.begin(g.of[i]) == g.costs.end(g.of[i]);
        }
        CHECK(b.served_weight == served);
        CHECK(b.served_weight == b.value);
        CHECK(b.total_weight == total);
        CHECK(b.unreachable.size() == unreachable);
        CHECK(a.unreachable.size() == unreachable);
    }
}
