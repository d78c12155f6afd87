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

TEST_CASE("land: a park with a hole, overlapping constraints counted once, the road share, vacant land")
{
    auto t = tables();
    t.infrastructure["SQ"] = {{"power_kw", 2400}, {"water_m3d", 150}};
    const auto r = geo::evaluate_capacity(square_park(), t);
    const auto& p = r.parks[0];
    CHECK(p.gross_m2 == doctest::Approx(1e6 - 4e4));
    CHECK(p.constrained_m2 == doctest::Approx(70000 + 10000));
    CHECK(p.net_m2 == doctest::Approx(880000));
    CHECK(p.developable_m2 == doctest::Approx(704000));
    CHECK(p.vacant_m2 == doctest::Approx(700000));
    CHECK(p.floor_capacity_m2 == doctest::Approx(704000 * 1.5));
    CHECK(p.remaining_floor_m2 == doctest::Approx(704000 * 1.5 - 8000));
    CHECK(p.available_floor_m2 == doctest::Approx(1.05e6));
    CHECK(p.densification_potential_m2 == doctest::Approx(0));  // the one plot is at FAR 2, above 1.5

    // Averages the planner gives replace the park's own: 50 m² a job, 2,000 m² a firm.
    t.cluster_averages["装备制造"] = {50, 2000};
    const auto g = geo::evaluate_capacity(square_park(), t).parks[0];
    CHECK(g.remaining_jobs == doctest::Approx(1.05e6 / 50));
    CHECK(g.remaining_enterprises == doctest::Approx(1.05e6 / 2000));
    CHECK(factor(g, "floor_area").jobs_supported == doctest::Approx(100 + 1.05e6 / 50));
    CHECK(p.remaining_jobs == doctest::Approx(1.05e6 * 100 / 8000));
    CHECK(p.comprehensive_far == doctest::Approx(2.0));
    CHECK(p.jobs_per_mu == doctest::Approx(100 / (4000 / 666.6667)));
}

TEST_CASE("the binding factor is the smallest capacity in jobs, the others show their headroom, ties name both")
{
    auto t = tables();
    // Power: 4 kW per job (0.05 kW/m2 x 80 m2 per job), 400 used, 2,400 → 600 jobs.
    // Water: 0.5 m3/d per job, 50 used, 150 → 300 jobs: binding.
    t.infrastructure["SQ"] = {{"power_kw", 2400}, {"water_m3d", 150}};
    auto r = geo::evaluate_capacity(square_park(), t);
    const auto& p = r.parks[0];
    CHECK(factor(p, "power_kw").per_new_job == doctest::Approx(4));
    CHECK(factor(p, "power_kw").jobs_supported == doctest::Approx(600));
    CHECK(factor(p, "water_m3d").jobs_supported == doctest::Approx(300));
    CHECK(p.capacity_jobs == doctest::Approx(300));
    REQUIRE(p.binding == std::vector<std::string>{"water_m3d"});
    CHECK(factor(p, "power_kw").headroom_jobs == doctest::Approx(300));
    CHECK(factor(p, "floor_area").headroom_jobs == doctest::Approx(100 + 13125 - 300));
    CHECK(p.headroom_jobs == doctest::Approx(200));

    // Water raised to 300 m3/d: 600 jobs, a tie with power.
    t.infrastructure["SQ"]["water_m3d"] = 300;
    r = geo::evaluate_capacity(square_park(), t);
    CHECK(r.parks[0].binding == std::vector<std::string>{"power_kw", "water_m3d"});
    CHECK(r.parks[0].capacity_jobs == doctest::Approx(600));

    // A capacity row for a park that does not exist, or a factor without a rate, is reported.
    t.infrastructure["Atlantis"] = {{"power_kw", 1}};
    t.infrastructure["SQ"]["steam_t"] = 5;
    r = geo::evaluate_capacity(square_park(), t);
    CHECK(r.warnings == std::vector<std::string>{
                            "infrastructure capacities: no park named 'Atlantis' (by name or code); its row is not used",
                            "infrastructure capacities of 'SQ': factor 'steam_t' has no demand rate; it is not used"});
    // Without infrastructure capacities, floor area binds.
    r = geo::evaluate_capacity(square_park(), tables());
    CHECK(r.parks[0].binding == std::vector<std::string>{"floor_area"});
    CHECK_FALSE(factor(r.parks[0], "power_kw").given);
}

TEST_CASE("a park without a permitted FAR from either source: a warning, and no floor factor")
{
    auto in = square_park();
    in.permitted_far = {kNaN};
    firms_of(in).code = {"99"};  // not in the minimum FAR table
    auto t = tables();
    t.infrastructure["SQ"] = {{"power_kw", 2400}};
    const auto r = geo::evaluate_capacity(in, t);
    REQUIRE(r.warnings.size() == 2);
    // The code without a minimum FAR, named with its count; then the park that has no FAR at all.
    CHECK(r.warnings[0].find("1 enterprise in a park has an industry code (GB/T 4754-2002) with no minimum FAR in the table: 99 (1)") != std::string::npos);
    CHECK(r.warnings[1].find("park 'Square' has no permitted FAR") != std::string::npos);
    CHECK_FALSE(factor(r.parks[0], "floor_area").given);
    CHECK(r.parks[0].binding == std::vector<std::string>{"power_kw"});
    CHECK(r.parks[0].available_floor_m2 == 0);
    // With the code in the table, the land-weighted industry minimum (0.7) stands in.
    firms_of(in).code = {"34"};
    const auto r2 = geo::evaluate_capacity(in, t);
    CHECK(r2.parks[0].far_source == "industry minimum");
    CHECK(r2.parks[0].permitted_far == doctest::Approx(0.7));
}
