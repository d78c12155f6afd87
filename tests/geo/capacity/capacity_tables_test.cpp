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

TEST_CASE("capacity tables: a missing rate table and a negative capacity are clear errors")
{
    test::ScratchDir dir("capacity_tables");
    const auto std_dir = std::filesystem::path(test::datasets("standards"));
    geo::Project p;
    p.file = dir.path / "p.parkcap.json";
    p.extra["analysis"]["capacity"] = {{"standards_dir", dir.path.string()}};
    for (const char* f : {"industrial_land_general_2008.csv", "industrial_land_min_far_2008.csv", "capacity_parameters.csv"})
        std::filesystem::copy_file(std_dir / f, dir.path / f);
    CHECK_THROWS_WITH_AS(geo::load_capacity_tables(p), doctest::Contains("infrastructure_demand_rates.csv: the infrastructure demand rate table is missing"),
                         geo::Error);
    std::filesystem::copy_file(std_dir / "infrastructure_demand_rates.csv", dir.path / "infrastructure_demand_rates.csv");
    std::ofstream(dir.path / "infra.csv") << "park_code,factor,capacity\nCQ-HTZ,power_kw,1000\nCQ-HTZ,water_m3d,-5\n";
    p.extra["analysis"]["capacity"]["infrastructure"] = "infra.csv";
    CHECK_THROWS_WITH_AS(geo::load_capacity_tables(p), doctest::Contains("infra.csv: line 3: a negative capacity (-5) for water_m3d of park 'CQ-HTZ'"),
                         geo::Error);
    std::ofstream(dir.path / "infra.csv") << "park_code,factor,capacity\nCQ-HTZ,power_kw,1000\n";
    const auto t = geo::load_capacity_tables(p);
    CHECK(t.infrastructure.at("CQ-HTZ").at("power_kw") == 1000);
    CHECK(t.rule("building_coefficient").value == doctest::Approx(0.30));
    CHECK(t.min_far.at("27") == doctest::Approx(0.7));
    CHECK(t.number("road_utility_share") == doctest::Approx(0.15));
}

TEST_CASE("industry codes of GB/T 4754-2017 mapped onto the 2008 table's 2002 divisions; a code without one gives no minimum FAR")
{
    geo::Project p;
    p.file = std::filesystem::path(test::datasets("chongqing-demo")) / "x.parkcap.json";
    p.extra["analysis"]["capacity"] = {{"standards_dir", test::datasets("standards")}};
    const auto t2002 = geo::load_capacity_tables(p);
    CHECK(geo::industry_min_far(t2002, "3921") == doctest::Approx(0.7));  // 2002's 39: electrical machinery
    p.extra["analysis"]["capacity"]["industry_code_edition"] = "2017";
    const auto t = geo::load_capacity_tables(p);
    CHECK(t.code_edition == "2017");
    CHECK(geo::industry_min_far(t, "3921") == doctest::Approx(1.0));   // 2017's 39: computers and electronics = 2002's 40
    CHECK(geo::industry_min_far(t, "C3670") == doctest::Approx(0.7));  // 2017's 36 cars = 2002's 37
    CHECK(geo::industry_min_far(t, "2922") == doctest::Approx(1.0));   // plastics: 2002's 30
    CHECK(geo::industry_min_far(t, "2911") == doctest::Approx(0.8));   // rubber: 2002's 29
    CHECK(geo::industry_min_far(t, "2431") == doctest::Approx(1.0));   // crafts: 2002's 42
    CHECK(geo::table_division(t, "3011") == "31");                     // non-metallic minerals, renumbered
    CHECK(std::isnan(geo::industry_min_far(t, "4310")));               // repair: no 2002 division
    p.extra["analysis"]["capacity"]["industry_code_edition"] = "2011";
    CHECK_THROWS_WITH_AS(geo::load_capacity_tables(p), doctest::Contains("analysis.capacity.industry_code_edition"), geo::Error);
}
