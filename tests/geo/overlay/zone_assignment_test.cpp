#include <doctest/doctest.h>

#include "geo/core/polygon_locator.h"
#include "geo/overlay/zone_assignment.h"
#include "geo/synth/random.h"
#include "test_support.h"

using geo::GeomKind;

TEST_CASE("points are assigned to the first containing zone, overlaps and holes counted")
{
    auto zones = test::from_wkt(GeomKind::Polygon,
                                {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4))",
                                 "POLYGON ((8 8, 20 8, 20 20, 8 20, 8 8))"});
    auto points = test::from_wkt(GeomKind::Point, {"POINT (1 1)", "POINT (5 5)", "POINT (9 9)", "POINT (15 15)",
                                                   "POINT (30 30)", "MULTIPOINT ((16 16), (1 1))"});
    auto a = geo::assign_to_zones(points, zones);
    CHECK(a.zone_of == std::vector<int32_t>{0, -1, 0, 1, -1, 1});
    CHECK(a.count == std::vector<int64_t>{2, 2});
    CHECK(a.outside == 2);
    CHECK(a.in_several == 1);  // (9 9) is in both
}

TEST_CASE("assignment matches brute force and does not depend on the thread count")
{
    geo::GeometryColumn zones(GeomKind::Polygon);
    geo::Random rng(3);
    for (int z = 0; z < 40; ++z) {
        const double x = rng.uniform(0, 1000), y = rng.uniform(0, 1000), r = rng.uniform(10, 80);
        test::add_wkt(zones, "POLYGON ((" + std::to_string(x) + " " + std::to_string(y) + ", " + std::to_string(x + r) +
                                 " " + std::to_string(y + r / 3) + ", " + std::to_string(x + r / 2) + " " +
                                 std::to_string(y + r) + ", " + std::to_string(x) + " " + std::to_string(y) + "))");
    }
    geo::GeometryColumn points(GeomKind::Point);
    for (int i = 0; i < 120000; ++i) points.add_point({rng.uniform(0, 1100), rng.uniform(0, 1100)});
    const auto one = geo::assign_to_zones(points, zones, {}, 1);
    const auto four = geo::assign_to_zones(points, zones, {}, 4);
    CHECK(one.zone_of == four.zone_of);
    std::vector<geo::PolygonLocator> locs;
    for (size_t z = 0; z < zones.size(); ++z) locs.emplace_back(zones, z);
    for (size_t i = 0; i < points.size(); i += 7) {
        int32_t expected = -1;
        for (size_t z = 0; z < zones.size() && expected < 0; ++z)
            if (locs[z].contains(points.first_coord(i).x, points.first_coord(i).y)) expected = static_cast<int32_t>(z);
        REQUIRE(one.zone_of[i] == expected);
    }
    CHECK(one.outside < 120000);
}

TEST_CASE("cancelling stops the assignment")
{
    auto zones = test::from_wkt(GeomKind::Polygon, {"POLYGON ((0 0, 1 0, 1 1, 0 0))"});
    geo::GeometryColumn points(GeomKind::Point);
    for (int i = 0; i < 200000; ++i) points.add_point({0.5, 0.1});
    std::atomic<bool> cancel{true};
    geo::Progress progress;
    progress.cancel = &cancel;
    CHECK_THROWS_AS(geo::assign_to_zones(points, zones, progress, 2), geo::Cancelled);
}
