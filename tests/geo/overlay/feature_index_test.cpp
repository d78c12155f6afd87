#include <doctest/doctest.h>

#include "geo/overlay/feature_index.h"
#include "test_support.h"

using geo::GeomKind;

TEST_CASE("picking: the containing polygon on top, the nearest point or line within tolerance")
{
    auto polys = test::from_wkt(GeomKind::Polygon, {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
                                                    "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))"});
    geo::FeatureIndex pi(polys);
    CHECK(pi.pick(polys, {2, 2}, 0) == 0u);
    CHECK(pi.pick(polys, {7, 7}, 0) == 1u);  // both contain it; the one drawn last wins
    CHECK_FALSE(pi.pick(polys, {20, 20}, 1).has_value());

    auto points = test::from_wkt(GeomKind::Point, {"POINT (0 0)", "POINT (3 0)", "POINT (3.5 0)"});
    geo::FeatureIndex ptx(points);
    CHECK(ptx.pick(points, {3.4, 0}, 1) == 2u);
    CHECK(ptx.pick(points, {0.5, 0}, 1) == 0u);
    CHECK_FALSE(ptx.pick(points, {1.5, 0}, 1).has_value());

    auto lines = test::from_wkt(GeomKind::Line, {"LINESTRING (0 0, 10 0)", "LINESTRING (0 5, 10 5)"});
    geo::FeatureIndex li(lines);
    CHECK(li.pick(lines, {5, 1}, 2) == 0u);
    CHECK(li.pick(lines, {5, 4.5}, 2) == 1u);
    CHECK_FALSE(li.pick(lines, {5, 2.5}, 2).has_value());
    CHECK(geo::segment_distance({5, 3}, {0, 0}, {10, 0}) == doctest::Approx(3));
    CHECK(geo::segment_distance({13, 4}, {0, 0}, {10, 0}) == doctest::Approx(5));
}
