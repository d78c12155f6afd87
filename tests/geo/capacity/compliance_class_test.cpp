#include <doctest/doctest.h>

#include "geo/capacity/compliance.h"

TEST_CASE("compliance class: fails a rule > under-used > passes inside parks; outside parks whatever the rules say")
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
