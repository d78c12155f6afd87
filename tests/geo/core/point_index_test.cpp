#include <doctest/doctest.h>

#include <cmath>

#include "geo/core/point_index.h"
#include "geo/synth/random.h"

TEST_CASE("nearest point equals brute force, ties to the lower index")
{
    geo::Random rng(31);
    std::vector<geo::Coord> pts;
    for (int i = 0; i < 2000; ++i) pts.push_back({std::round(rng.uniform(0, 5000)), std::round(rng.uniform(0, 3000))});
    pts.push_back(pts[10]);  // a duplicate: the tie must go to index 10
    const geo::PointIndex index(pts);
    for (int q = 0; q < 3000; ++q) {
        const geo::Coord at{rng.uniform(-500, 5500), rng.uniform(-500, 3500)};
        uint32_t best = 0;
        double bd = INFINITY;
        for (uint32_t i = 0; i < pts.size(); ++i) {
            const double d = std::hypot(pts[i].x - at.x, pts[i].y - at.y);
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        const auto hit = index.nearest(at);
        REQUIRE(hit);
        CHECK(hit->distance == doctest::Approx(bd));
        CHECK(hit->index == best);
    }
    CHECK(index.nearest(pts[10])->index == 10u);
    CHECK_FALSE(geo::PointIndex(std::vector<geo::Coord>{}).nearest({0, 0}).has_value());
}
