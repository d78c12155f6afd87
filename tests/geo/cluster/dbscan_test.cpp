#include <doctest/doctest.h>

#include <cmath>

#include "geo/cluster/dbscan.h"
#include "geo/core/error.h"
#include "geo/core/polygon_locator.h"
#include "geo/synth/random.h"

TEST_CASE("DBSCAN on constructed data: two clusters, a chain, noise")
{
    geo::Random rng(12);
    std::vector<geo::Coord> pts;
    for (int i = 0; i < 50; ++i) pts.push_back({rng.uniform(0, 100), rng.uniform(0, 100)});          // cluster A
    for (int i = 0; i < 50; ++i) pts.push_back({rng.uniform(1000, 1100), rng.uniform(0, 100)});      // cluster B
    for (int i = 0; i < 30; ++i) pts.push_back({3000.0 + 40 * i, 3000});                            // a chain, 40 m steps
    pts.push_back({5000, 5000});                                                                      // lone noise
    pts.push_back({8000, 8000});
    const geo::DbscanResult r = geo::dbscan(pts, 50, 3);
    REQUIRE(r.sizes.size() == 3);
    CHECK(r.sizes[0] == 50);
    CHECK(r.sizes[1] == 50);
    CHECK(r.sizes[2] == 30);  // density-reachable along the chain
    CHECK(r.noise == 2);
    CHECK(r.label[0] == 0);
    CHECK(r.label[60] == 1);
    CHECK(r.label[100] == 2);
    CHECK(r.label[130] == -1);
    // With a shorter reach the chain breaks into noise: each point sees only itself.
    const geo::DbscanResult tight = geo::dbscan(pts, 30, 2);
    CHECK(tight.label[110] == -1);

    const geo::GeometryColumn polys = geo::cluster_polygons(pts, r, 50);
    REQUIRE(polys.size() == 3);
    for (size_t i = 0; i < 130; ++i) {  // every clustered point lies inside its cluster's polygon
        const geo::PolygonLocator loc(polys, static_cast<size_t>(r.label[i]));
        CHECK(loc.contains(pts[i].x, pts[i].y));
    }
    CHECK_THROWS_AS(geo::dbscan(pts, 0, 3), geo::Error);
}

TEST_CASE("DBSCAN agrees with the all-pairs definition of core points")
{
    geo::Random rng(21);
    std::vector<geo::Coord> pts;
    for (int i = 0; i < 600; ++i) pts.push_back({rng.normal() * 200 + (i % 2) * 1500, rng.normal() * 200});
    const double eps = 60;
    const size_t min_points = 5;
    const geo::DbscanResult r = geo::dbscan(pts, eps, min_points);
    for (size_t i = 0; i < pts.size(); ++i) {
        size_t n = 0;
        for (size_t j = 0; j < pts.size(); ++j)
            n += std::hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y) <= eps;
        if (n >= min_points) CHECK(r.label[i] >= 0);  // a core point is always in a cluster
    }
}

TEST_CASE("grid DBSCAN equals an all-pairs reference: cores, their clusters, noise, borders valid")
{
    geo::Random rng(77);
    std::vector<geo::Coord> pts;
    for (int i = 0; i < 1500; ++i) {
        const double cx = (i % 3) * 900.0, cy = (i % 5) * 120.0;
        pts.push_back({cx + rng.normal() * 150, cy + rng.normal() * 150});
    }
    const double eps = 40;
    const size_t min_points = 6;
    // Reference: neighbour lists by all pairs, BFS from core points in index order.
    const size_t n = pts.size();
    std::vector<std::vector<uint32_t>> nb(n);
    for (uint32_t i = 0; i < n; ++i)
        for (uint32_t j = 0; j < n; ++j)
            if (std::hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y) <= eps) nb[i].push_back(j);
    std::vector<int32_t> ref(n, -1);
    int32_t next = 0;
    for (uint32_t i = 0; i < n; ++i) {
        if (ref[i] >= 0 || nb[i].size() < min_points) continue;
        std::vector<uint32_t> queue{i};
        ref[i] = next;
        for (size_t k = 0; k < queue.size(); ++k)
            for (uint32_t j : nb[queue[k]])
                if (nb[j].size() >= min_points && ref[j] < 0) {
                    ref[j] = next;
                    queue.push_back(j);
                }
        ++next;
    }
    const geo::DbscanResult r = geo::dbscan(pts, eps, min_points);
    CHECK(r.sizes.size() == static_cast<size_t>(next));
    for (uint32_t i = 0; i < n; ++i) {
        const bool is_core = nb[i].size() >= min_points;
        if (is_core) {
            REQUIRE(r.label[i] == ref[i]);  // same partition, same canonical numbering
            continue;
        }
        bool reachable = false;
        for (uint32_t j : nb[i]) reachable = reachable || nb[j].size() >= min_points;
        if (!reachable) {
            CHECK(r.label[i] == -1);
            continue;
        }
        bool valid = false;  // a border point joins a cluster with a core point within eps
        for (uint32_t j : nb[i]) valid = valid || (nb[j].size() >= min_points && ref[j] == r.label[i]);
        CHECK(valid);
    }
}
