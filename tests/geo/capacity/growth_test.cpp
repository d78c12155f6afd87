#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <span>

#include "geo/capacity/capacity_model.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/capacity/compliance.h"
#include "geo/capacity/growth.h"
#include "geo/capacity/scenario.h"
#include "geo/core/error.h"
#include "geo/io/crs.h"
#include "capacity_fixtures.h"
#include "test_support.h"

using namespace capacity_fixtures;

TEST_CASE("growth: the year a park runs short, and of what, on a hand-computed case")
{
    geo::CapacityInput in;
    geo::CapacityResult r;
    for (int i = 0; i < 10; ++i) {
        add_firm(in, {0, 0}, 100, 1000, 10, 5, "T");
        r.plots.push_back({});
        r.park_of.push_back(0);
    }
    r.compliance.storey_m = 8;  // 1,000 m² of floor in storeys of 5 m: counted once
    geo::ParkCapacity p;
    p.jobs = 100;
    p.available_floor_m2 = 1500;
    p.factors = {{"floor_area", "m2", true, 11500, 10000, 100, 115, 0, false}, {"water_m3d", "m3/d", true, 0, 0, 0, 125, 0, false}};
    r.parks = {p};
    geo::CapacityTables t;
    t.growth = {{"T", 2025, 2030, 0.10, std::nullopt}};
    std::vector<std::string> warnings;
    // 10 firms growing 10% a year: 1 new by 2026 (1,000 m², 10 jobs), 2.1 by 2027 (2,100 m²).
    auto g = geo::growth_against_capacity(in, r, t, warnings);
    REQUIRE(g[0].years.size() == 5);
    CHECK(g[0].years[0].new_enterprises == doctest::Approx(1));
    CHECK(g[0].years[1].floor_m2 == doctest::Approx(2100));
    CHECK(g[0].shortfall_year == 2027);
    CHECK(g[0].short_of == "floor_area");
    // With floor to spare, water (25 jobs of headroom) runs out in 2028 (33.1 new jobs).
    r.parks[0].available_floor_m2 = 1e9;
    g = geo::growth_against_capacity(in, r, t, warnings);
    CHECK(g[0].shortfall_year == 2028);
    CHECK(g[0].short_of == "water_m3d");
    // The planner gives the park half of the growth: half the demand, so water lasts to 2029
    // (2029: 10 x 0.4641 / 2 = 2.32 firms, 23.2 jobs <= 25; 2030: 30.5 jobs > 25).
    t.growth_shares = {{"P", 0.5}};
    r.parks[0].name = "P";
    g = geo::growth_against_capacity(in, r, t, warnings);
    CHECK(g[0].years[0].new_enterprises == doctest::Approx(0.5));
    CHECK(g[0].shortfall_year == 2030);
    t.growth_shares.clear();
    // A target count instead of a rate: 10 → 20 in 5 years.
    t.growth = {{"T", 2025, 2030, std::nullopt, 20.0}};
    g = geo::growth_against_capacity(in, r, t, warnings);
    CHECK(g[0].years.back().new_enterprises == doctest::Approx(10));
}
