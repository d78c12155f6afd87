#include <doctest/doctest.h>

#include <cmath>

#include "geo/cluster/hot_spots.h"
#include "geo/core/error.h"
#include "geo/core/polygon_locator.h"
#include "geo/synth/random.h"

TEST_CASE("Gi* on a 3x3 lattice against a hand calculation")
{
    // Square cells, queen neighbours plus the cell itself. Centre 10, the rest 1:
    // mean 2, S = √8. A corner sums 13 over 4 cells: z = (13 - 8) / (√8 · √(20/8)) = 1.1180.
    // An edge cell sums 15 over 6: z = 3 / (√8 · √(18/8)) = 0.7071. The centre: z = 0.
    const geo::CellGrid g = geo::aggregate_points({}, {}, {0, 0, 200, 200}, geo::CellShape::Square, 100);
    REQUIRE(g.size() == 9);
    std::vector<double> v(9, 1.0);
    v[4] = 10;
    const geo::HotSpots h = geo::getis_ord_gi_star(g, v);
    CHECK(h.z[0] == doctest::Approx(5 / (std::sqrt(8.0) * std::sqrt(20.0 / 8))));
    CHECK(h.z[0] == doctest::Approx(1.1180).epsilon(1e-4));
    CHECK(h.z[1] == doctest::Approx(0.7071).epsilon(1e-4));
    CHECK(h.z[4] == doctest::Approx(0.0));
    CHECK(h.p[4] == doctest::Approx(1.0));
    CHECK(h.p[0] == doctest::Approx(std::erfc(1.1180 / std::sqrt(2.0))).epsilon(1e-3));
    CHECK_THROWS_AS(geo::getis_ord_gi_star(g, std::vector<double>(9, 3.0)), geo::Error);
}

TEST_CASE("Benjamini-Hochberg threshold by hand")
{
    // p sorted: 0.001 0.008 0.039 0.041 0.042 0.06 0.074 0.205; n = 8, q = 0.05:
    // k/8·0.05 = 0.00625 0.0125 0.01875 0.025 ... ; 0.008 <= 0.0125 is the largest passing.
    CHECK(geo::fdr_threshold({0.039, 0.001, 0.041, 0.008, 0.042, 0.06, 0.074, 0.205}, 0.05) == doctest::Approx(0.008));
    CHECK(geo::fdr_threshold({0.5, 0.6}, 0.05) == 0);
}

TEST_CASE("a planted cluster is a 99% hot spot, noise elsewhere is not significant")
{
    geo::Random rng(4);
    std::vector<geo::Coord> pts;
    for (int i = 0; i < 3000; ++i) pts.push_back({rng.uniform(0, 10000), rng.uniform(0, 10000)});
    for (int i = 0; i < 2000; ++i) pts.push_back({5000 + rng.normal() * 300, 5000 + rng.normal() * 300});
    const geo::CellGrid g = geo::aggregate_points(pts, {}, {0, 0, 10000, 10000}, geo::CellShape::Hexagon, 500);
    std::vector<double> counts(g.count.begin(), g.count.end());
    const geo::HotSpots h = geo::getis_ord_gi_star(g, counts);
    const int64_t centre = g.cell_of({5000, 5000});
    REQUIRE(centre >= 0);
    CHECK(h.bin[static_cast<size_t>(centre)] == 3);
    const int64_t far = g.cell_of({1000, 9000});
    REQUIRE(far >= 0);  // a cell of the grid, not -1 used as an index
    CHECK(h.bin[static_cast<size_t>(far)] <= 0);
}

TEST_CASE("hexagon cells: every point falls in the hexagon that contains it, counts add up")
{
    geo::Random rng(8);
    std::vector<geo::Coord> pts;
    for (int i = 0; i < 5000; ++i) pts.push_back({rng.uniform(0, 3000), rng.uniform(0, 2000)});
    const geo::CellGrid g = geo::aggregate_points(pts, {}, {0, 0, 3000, 2000}, geo::CellShape::Hexagon, 250);
    int64_t total = 0;
    for (int64_t c : g.count) total += c;
    CHECK(total == 5000);  // the grid covers the extent
    for (size_t i = 0; i < pts.size(); i += 7) {
        const int64_t c = g.cell_of(pts[i]);
        REQUIRE(c >= 0);
        CHECK(geo::PolygonLocator(g.polygons, static_cast<size_t>(c)).contains(pts[i].x, pts[i].y));
    }
    CHECK(geo::polygon_area(g.polygons, 0) == doctest::Approx(std::sqrt(3.0) / 2 * 250 * 250));
    // An interior hexagon has 6 neighbours, each sharing an edge (centres one cell apart).
    const size_t inner = g.cols * 3 + 4;
    const auto nb = g.neighbours(inner);
    REQUIRE(nb.size() == 6);
    for (uint32_t j : nb)
        CHECK(std::hypot(g.centres[j].x - g.centres[inner].x, g.centres[j].y - g.centres[inner].y) == doctest::Approx(250));
}
