#include <doctest/doctest.h>

#include <algorithm>

#include "geo/core/polygon_locator.h"
#include "geo/core/rtree.h"
#include "geo/synth/random.h"
#include "test_support.h"

using geo::GeomKind;

namespace {

// Plain even-odd crossing test over every ring, the reference.
bool brute_contains(const geo::GeometryColumn& g, size_t f, double x, double y)
{
    bool inside = false;
    for (size_t p = g.part_begin(f); p < g.part_begin(f) + g.part_count(f); ++p)
        for (size_t r = g.ring_begin(p); r < g.ring_begin(p) + g.ring_count(p); ++r) {
            auto ring = g.ring(r);
            for (size_t i = 0; i + 1 < ring.size(); ++i) {
                const auto a = ring[i], b = ring[i + 1];
                if ((a.y > y) != (b.y > y) && x < a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)) inside = !inside;
            }
        }
    return inside;
}

}  // namespace

TEST_CASE("polygon locator agrees with brute force on holes and multipolygons")
{
    auto g = test::from_wkt(GeomKind::Polygon,
                            {"MULTIPOLYGON (((0 0, 100 0, 100 60, 50 100, 0 60, 0 0), (20 20, 40 20, 40 40, 20 40, 20 20)),"
                             " ((120 0, 160 10, 140 50, 120 0)))"});
    geo::PolygonLocator loc(g, 0);
    geo::Random rng(7);
    int inside = 0;
    for (int i = 0; i < 20000; ++i) {
        const double x = rng.uniform(-10, 170), y = rng.uniform(-10, 110);
        const bool expected = brute_contains(g, 0, x, y);
        REQUIRE(loc.contains(x, y) == expected);
        inside += expected;
    }
    CHECK(inside > 1000);
    CHECK_FALSE(loc.contains(30, 30));  // in the hole
    CHECK(loc.contains(10, 10));
    CHECK(loc.contains(140, 20));       // in the second part
}

TEST_CASE("a point on the shared edge of two squares falls in exactly one")
{
    auto g = test::from_wkt(GeomKind::Polygon, {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
                                                "POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))"});
    geo::PolygonLocator a(g, 0), b(g, 1);
    for (double y : {0.0, 2.5, 5.0, 9.999}) CHECK(a.contains(10, y) + b.contains(10, y) == 1);
}

TEST_CASE("R-tree returns exactly the intersecting boxes")
{
    geo::Random rng(11);
    std::vector<geo::Envelope> boxes;
    for (int i = 0; i < 3000; ++i) {
        const double x = rng.uniform(0, 1000), y = rng.uniform(0, 1000);
        boxes.push_back({x, y, x + rng.uniform(0, 30), y + rng.uniform(0, 30)});
    }
    boxes.push_back({});  // an empty box never matches
    geo::RTree tree(boxes);
    CHECK(tree.size() == 3000);
    for (int q = 0; q < 200; ++q) {
        const double x = rng.uniform(0, 1000), y = rng.uniform(0, 1000);
        const geo::Envelope box{x, y, x + rng.uniform(0, 100), y + rng.uniform(0, 100)};
        std::vector<uint32_t> got;
        tree.query(box, got);
        std::sort(got.begin(), got.end());
        std::vector<uint32_t> expected;
        for (uint32_t i = 0; i < boxes.size(); ++i)
            if (!boxes[i].empty() && boxes[i].intersects(box)) expected.push_back(i);
        REQUIRE(got == expected);
    }
}
