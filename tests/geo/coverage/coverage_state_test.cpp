#include <doctest/doctest.h>

#include "geo/coverage/coverage_state.h"
#include "geo/synth/random.h"

TEST_CASE("after a random sequence of adds, moves and removals, the incremental state equals a full recompute")
{
    geo::Random rng(13);
    std::vector<geo::Coord> firms, fac;
    std::vector<int32_t> type_of;
    for (int i = 0; i < 5000; ++i) firms.push_back({rng.uniform(0, 20000), rng.uniform(0, 20000)});
    for (int i = 0; i < 60; ++i) {
        fac.push_back({rng.uniform(0, 20000), rng.uniform(0, 20000)});
        type_of.push_back(i % 3);
    }
    type_of[5] = -1;  // a facility of no known type is ignored
    const std::vector<geo::FacilityType> types{{"bus_stop", "", {300, 500}}, {"canteen", "", {500}}, {"clinic", "", {1000}}};
    geo::CoverageState state(firms, types, fac, type_of);
    for (int step = 0; step < 200; ++step) {
        const double u = rng.uniform();
        uint32_t id = static_cast<uint32_t>(rng.integer(0, 59 + step));
        if (u < 0.3) {
            state.add({rng.uniform(0, 20000), rng.uniform(0, 20000)}, rng.integer(0, 2));
        } else if (state.alive(id) && u < 0.8) {
            state.move(id, {rng.uniform(0, 20000), rng.uniform(0, 20000)});
        } else if (state.alive(id)) {
            state.remove(id);
        }
    }
    geo::CoverageState full = state;
    full.recompute_all();
    for (size_t t = 0; t < types.size(); ++t)
        for (size_t e = 0; e < firms.size(); ++e) {
            REQUIRE(state.distance(t, e) == full.distance(t, e));
            REQUIRE(state.nearest(t, e) == full.nearest(t, e));
        }
    CHECK(state.covered(0, 500) == full.covered(0, 500));
}

TEST_CASE("removing the only facility of a type leaves its enterprises uncovered")
{
    const std::vector<geo::FacilityType> types{{"clinic", "", {1000}}};
    geo::CoverageState s({{0, 0}, {100, 0}}, types, {{50, 0}}, {0});
    CHECK(s.covered(0, 1000) == 2);
    CHECK(s.remove(0) == 2);
    CHECK(s.covered(0, 1000) == 0);
    CHECK(s.nearest(0, 0) == -1);
    uint32_t id = 0;
    CHECK(s.add({0, 10}, 0, &id) == 2);
    CHECK(id == 1);
    CHECK(s.distance(0, 0) == doctest::Approx(10));
}
