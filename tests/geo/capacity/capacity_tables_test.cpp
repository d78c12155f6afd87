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
