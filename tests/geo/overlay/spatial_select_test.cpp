#include <doctest/doctest.h>

#include "geo/overlay/spatial_select.h"
#include "test_support.h"

TEST_CASE("select by rectangle and by polygon: points inside, lines crossing, polygons overlapping")
{
    using V = std::vector<uint32_t>;
    const geo::GeometryColumn pts =
        test::from_wkt(geo::GeomKind::Point, {"POINT (1 1)", "POINT (5 5)", "POINT (10 10)", "POINT (2 8)", "POINT (4 4)", "POINT (6 1)"});
    const geo::FeatureIndex pi(pts);
    // Box 0..5 x 0..5: (1,1), (5,5) on the edge, (4,4).
    CHECK(geo::select_in_box(pts, pi, {0, 0, 5, 5}) == V{0, 1, 4});
    // A triangle (0,0)-(6,0)-(0,6): (1,1) and (2,8)? no; (4,4)? 4+4 > 6: outside; (5,5) outside.
    CHECK(geo::select_in_area(pts, pi, {{0, 0}, {6, 0}, {0, 6}}) == V{0});
    // A closed ring works the same; a degenerate one selects nothing.
    CHECK(geo::select_in_area(pts, pi, {{0, 0}, {6, 0}, {0, 6}, {0, 0}}) == V{0});
    CHECK(geo::select_in_area(pts, pi, {{0, 0}, {6, 6}}).empty());
    CHECK(geo::select_in_area(pts, pi, {{0, 0}, {3, 3}, {6, 6}}).empty());

    const geo::GeometryColumn lines = test::from_wkt(geo::GeomKind::Line, {"LINESTRING (-5 2, 20 2)",   // crosses the box
                                                                          "LINESTRING (8 8, 9 9)",      // outside
                                                                          "LINESTRING (1 1, 2 2)"});    // inside
    CHECK(geo::select_in_box(lines, geo::FeatureIndex(lines), {0, 0, 5, 5}) == V{0, 2});

    const geo::GeometryColumn polys = test::from_wkt(geo::GeomKind::Polygon, {
        "POLYGON ((-10 -10, 20 -10, 20 20, -10 20, -10 -10))",  // contains the whole box
        "POLYGON ((6 6, 7 6, 7 7, 6 7, 6 6))",                  // its envelope is near, it is outside
        "POLYGON ((4 4, 8 4, 8 8, 4 8, 4 4))"});                // overlaps a corner
    CHECK(geo::select_in_box(polys, geo::FeatureIndex(polys), {0, 0, 5, 5}) == V{0, 2});
    // A self-crossing lasso (a bow tie) is repaired: its two lobes select what is inside them
    // or on their edges, not (6,1) between them.
    CHECK(geo::select_in_area(pts, pi, {{0, 0}, {12, 12}, {12, 0}, {0, 12}}) == V{0, 1, 2, 3, 4});
}
