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

TEST_CASE("industry codes as registers write them give their two-digit GB/T 4754 division")
{
    CHECK(geo::industry_division("34") == "34");
    CHECK(geo::industry_division("3411") == "34");
    CHECK(geo::industry_division("C3411") == "34");
    CHECK(geo::industry_division(" C34 ") == "34");
    CHECK(geo::industry_division("C") == "");
    CHECK(geo::industry_division("7") == "");
}

TEST_CASE("each compliance rule at, just below and just above its threshold, the 8 m storey rule")
{
    auto in = square_park();
    in.firms = std::make_shared<geo::EnterpriseData>();
    // Land 1,000 m² each; values at, below and above each threshold.
    for (int k = 0; k < 3; ++k) add_firm(in, {700.0 + k, 700}, 1000, 700 + (k - 1), 10);  // FAR 0.699 / 0.7 / 0.701 vs 0.7
    const auto r0 = geo::evaluate_capacity(in, tables());
    CHECK(r0.plots[0].far_ok == geo::Check::Fail);
    CHECK(r0.plots[1].far_ok == geo::Check::Pass);
    CHECK(r0.plots[2].far_ok == geo::Check::Pass);
    CHECK(r0.plots[0].underused);
    CHECK_FALSE(r0.plots[1].underused);

    {
        auto& f = firms_of(in);
        f.footprint_area = {299, 300, 301};
        f.admin_living_area = {69, 70, 71};
        f.green_area = {199, 200, 201};
    }
    const auto r1 = geo::evaluate_capacity(in, tables());
    CHECK(r1.plots[0].coefficient_ok == geo::Check::Fail);
    CHECK(r1.plots[1].coefficient_ok == geo::Check::Pass);
    CHECK(r1.plots[2].coefficient_ok == geo::Check::Pass);
    CHECK(r1.plots[0].admin_ok == geo::Check::Pass);
    CHECK(r1.plots[1].admin_ok == geo::Check::Pass);
    CHECK(r1.plots[2].admin_ok == geo::Check::Fail);
    CHECK(r1.plots[1].green_ok == geo::Check::Pass);
    CHECK(r1.plots[2].green_ok == geo::Check::Fail);
    auto reasons = [&](const geo::CapacityResult& r, size_t i) {
        return geo::compliance_reasons(r.plots[i], geo::plot_numbers(in, tables(), r.compliance, r.park_of, i), tables(), r.compliance);
    };
    CHECK(reasons(r1, 2).find("green ratio 0.201 > 0.200") != std::string::npos);
    CHECK(reasons(r1, 2).find("admin/living share 0.071 > 0.070") != std::string::npos);
    CHECK(reasons(r1, 0).find("building coefficient 0.30 < 0.30") != std::string::npos);
    CHECK(reasons(r1, 1).empty());
    CHECK(geo::plot_numbers(in, tables(), r1.compliance, r1.park_of, 2).admin_limit == doctest::Approx(0.07));
    // The dormitory relaxation: 7.1% passes in a park that applies it.
    auto relaxed = tables();
    relaxed.relaxed_parks = {"Square"};
    CHECK(geo::evaluate_capacity(in, relaxed).plots[2].admin_ok == geo::Check::Pass);

    // Storeys: exactly 8 m counts once, above 8 m twice.
    firms_of(in).storey_height = {8.0, 8.01, 7.99};
    const auto r2 = geo::evaluate_capacity(in, tables());
    CHECK(geo::plot_numbers(in, tables(), r2.compliance, r2.park_of, 0).counted_floor == doctest::Approx(699));
    CHECK(geo::plot_numbers(in, tables(), r2.compliance, r2.park_of, 1).counted_floor == doctest::Approx(1400));
    CHECK(geo::plot_numbers(in, tables(), r2.compliance, r2.park_of, 2).counted_floor == doctest::Approx(701));
    CHECK(geo::plot_numbers(in, tables(), r2.compliance, r2.park_of, 1).far == doctest::Approx(1.4));
    CHECK(geo::plot_numbers(in, tables(), r2.compliance, r2.park_of, 1).min_far == doctest::Approx(0.7));
    CHECK(reasons(r0, 0) == "FAR 0.70 < 0.70");
    // Missing data is not a failure.
    firms_of(in).green_area[0] = kNaN;
    CHECK(geo::evaluate_capacity(in, tables()).plots[0].green_ok == geo::Check::NoData);
}
TEST_CASE("compliance class: fails a rule > under-used > passes inside parks, outside parks whatever the rules say")
{
    geo::PlotCompliance both;
    both.far_ok = geo::Check::Fail;
    both.underused = true;
    CHECK(geo::compliance_class(both, true) == geo::ComplianceClass::FailsRule);
    CHECK(geo::compliance_class(both, false) == geo::ComplianceClass::OutsideParks);
    geo::PlotCompliance idle;
    idle.far_ok = geo::Check::Pass;
    idle.underused = true;
    CHECK(geo::compliance_class(idle, true) == geo::ComplianceClass::Underused);
    geo::PlotCompliance fine;
    fine.green_ok = geo::Check::Pass;  // rules without data do not fail
    CHECK(geo::compliance_class(fine, true) == geo::ComplianceClass::Passes);
    CHECK(geo::to_string(geo::ComplianceClass::OutsideParks) == "outside parks");
    CHECK(geo::to_string(geo::ComplianceClass::FailsRule) == "fails a rule");
}
