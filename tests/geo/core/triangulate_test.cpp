#include <doctest/doctest.h>

#include <cmath>

#include "geo/core/polygon_locator.h"
#include "geo/core/triangulate.h"
#include "test_support.h"

using geo::GeomKind;

namespace {

double triangles_area(const std::vector<geo::Coord>& t)
{
    double a = 0;
    for (size_t i = 0; i + 2 < t.size(); i += 3)
        a += std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) / 2;
    return a;
}

}  // namespace

TEST_CASE("triangles cover a polygon with a hole and a multipolygon exactly")
{
    auto g = test::from_wkt(GeomKind::Polygon,
                            {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))",
                             "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 7 5, 7 7, 5 7, 5 5)))",
                             "POLYGON ((0 0, 10 0, 10 1, 1 1, 1 9, 10 9, 10 10, 0 10, 0 0))"});  // concave
    for (size_t f = 0; f < g.size(); ++f) {
        std::vector<geo::Coord> tris;
        CHECK(geo::triangulate_polygon(g, f, tris) > 0);
        CHECK(triangles_area(tris) == doctest::Approx(geo::polygon_area(g, f)));
        // Every triangle's centroid is inside the polygon (none in the hole or the notch).
        geo::PolygonLocator loc(g, f);
        for (size_t i = 0; i < tris.size(); i += 3)
            CHECK(loc.contains((tris[i].x + tris[i + 1].x + tris[i + 2].x) / 3, (tris[i].y + tris[i + 1].y + tris[i + 2].y) / 3));
    }
}

TEST_CASE("a label point lies inside a concave polygon, not at its box centre")
{
    auto g = test::from_wkt(GeomKind::Polygon, {"POLYGON ((0 0, 10 0, 10 1, 1 1, 1 9, 10 9, 10 10, 0 10, 0 0))"});
    const geo::Coord p = geo::label_point(g, 0);
    CHECK(geo::PolygonLocator(g, 0).contains(p.x, p.y));
}
