#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <numbers>
#include <string>

#include <geos_c.h>

#include "geo/core/polygon_repair.h"
#include "geo/core/segment_crossings.h"
#include "test_support.h"

namespace {

// A ring of `n` vertices round a circle of radius 500 m whose vertices alternate 400 m in and
// out and jump up to five steps back and forth along it, so that each edge crosses several
// of its neighbours: the pathological case that kept GEOS's make-valid busy for minutes.
geo::GeometryColumn zigzag(size_t n)
{
    std::vector<geo::Coord> ring;
    for (size_t i = 0; i < n; ++i) {
        const double jitter = static_cast<double>((i * 7919) % 11) - 5.0;
        const double a = 2 * std::numbers::pi * (static_cast<double>(i) + jitter) / static_cast<double>(n);
        const double r = 500.0 + (i % 2 ? 400.0 : -400.0);
        ring.push_back({r * std::cos(a), r * std::sin(a)});
    }
    ring.push_back(ring.front());
    geo::GeometryColumn col(geo::GeomKind::Polygon);
    col.begin_feature(false);
    col.begin_part();
    col.add_ring(ring);
    col.end_feature();
    return col;
}

double area_of(const geo::GeosContext& ctx, const geo::GeosGeom& g)
{
    double a = 0;
    GEOSArea_r(ctx.handle(), g.get(), &a);
    return a;
}

}  // namespace

TEST_CASE("edge crossings: counted by hand on small rings, adjacent edges never count")
{
    const auto square = test::from_wkt(geo::GeomKind::Polygon, {"POLYGON((0 0,10 0,10 10,0 10,0 0))"});
    CHECK(geo::count_segment_crossings(square, 0, 100, 1000).crossings == 0);
    // A bow-tie: the two diagonals cross once.
    const auto bowtie = test::from_wkt(geo::GeomKind::Polygon, {"POLYGON((0 0,10 10,10 0,0 10,0 0))"});
    CHECK(geo::count_segment_crossings(bowtie, 0, 100, 1000).crossings == 1);
    // A hole crossing the shell: two crossings between the rings.
    const auto holed = test::from_wkt(geo::GeomKind::Polygon,
                                      {"POLYGON((0 0,10 0,10 10,0 10,0 0),(5 2,15 2,15 8,5 8,5 2))"});
    CHECK(geo::count_segment_crossings(holed, 0, 100, 1000).crossings == 2);
    // The caps stop the count and say so.
    const geo::CrossingCount capped = geo::count_segment_crossings(zigzag(1000), 0, 10, 1'000'000);
    CHECK(capped.capped);
    CHECK(capped.crossings == 10);
}

TEST_CASE("repair: a bow-tie keeps both lobes and names the method")
{
    geo::GeosContext ctx;
    const auto bowtie = test::from_wkt(geo::GeomKind::Polygon, {"POLYGON((0 0,10 10,10 0,0 10,0 0))"});
    const geo::RepairOutcome r = geo::repair_polygon(ctx, bowtie, 0);
    REQUIRE(r.geometry);
    CHECK(r.refused.empty());
    CHECK(r.method == "GEOS make-valid (structure)");
    CHECK(area_of(ctx, r.geometry) == doctest::Approx(50.0));  // two triangles of 25 m²
}

TEST_CASE("repair: within budget a 2,000-vertex zigzag is repaired, a million vertices are refused at once")
{
    geo::GeosContext ctx;
    const geo::RepairOutcome small = geo::repair_polygon(ctx, zigzag(2000), 0);
    REQUIRE(small.geometry);
    CHECK(area_of(ctx, small.geometry) > 0);

    // Work-based, not timed: the same refusal on every machine, with the reason.
    const auto t0 = std::chrono::steady_clock::now();
    const geo::RepairOutcome big = geo::repair_polygon(ctx, zigzag(999'000), 0);
    CHECK_FALSE(big.geometry);
    CHECK(big.refused.find("edge crossings") != std::string::npos);
    CHECK(big.refused.find("over the repair budget") != std::string::npos);
    // Not an assertion on speed: a reminder of what this guards against if it ever hangs.
    MESSAGE("refusing the 1M-vertex zigzag took " << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s");

    geo::RepairBudget tight;
    tight.max_vertices = 1000;
    const geo::RepairOutcome over = geo::repair_polygon(ctx, zigzag(2000), 0, tight);
    CHECK_FALSE(over.geometry);
    CHECK(over.refused == "not repaired: 2001 vertices, over the repair budget of 1000");
}

