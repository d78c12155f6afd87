#include <doctest/doctest.h>

#include "geo/core/error.h"
#include "geo/report/display_units.h"

TEST_CASE("display units: areas and money in the project's units, formatted in one place")
{
    using geo::AreaUnit;
    using geo::Language;
    // 1555.04 ha = 15,550,400 m² = 15.55 km² = 23,325.6 亩 (666.67 m² each).
    const double m2 = 15550400;
    CHECK(geo::format_area(m2, AreaUnit::Ha, Language::En) == "1,555.0 ha");
    CHECK(geo::format_area(m2, AreaUnit::Ha, Language::Zh) == "1,555.0 公顷");
    CHECK(geo::format_area(m2, AreaUnit::M2, Language::En) == "15,550,400 m²");
    CHECK(geo::format_area(m2, AreaUnit::Km2, Language::Zh) == "15.55 平方公里");
    CHECK(geo::format_area(m2, AreaUnit::Mu, Language::Zh) == "23,326 亩");
    CHECK(geo::format_area(666.67, AreaUnit::Mu, Language::En) == "1 mu");
    CHECK(geo::format_area(-25000, AreaUnit::Ha, Language::En) == "-2.5 ha");
    CHECK(geo::format_area(500, AreaUnit::Ha, Language::En) == "0.1 ha");
    CHECK(geo::format_money(880.46, geo::MoneyUnit::Wanyuan, Language::Zh) == "880.5 万元");
    CHECK(geo::format_money(880.46, geo::MoneyUnit::Yuan, Language::Zh) == "8,804,600 元");
}

TEST_CASE("display units: read from analysis.units, a bad value named by its key")
{
    geo::Project p;
    CHECK(geo::display_units(p) == geo::DisplayUnits{});  // ha and 万元
    p.extra["analysis"]["units"] = {{"area", "mu"}, {"money", "yuan"}};
    CHECK(geo::display_units(p) == geo::DisplayUnits{geo::AreaUnit::Mu, geo::MoneyUnit::Yuan});
    CHECK(geo::to_json(geo::display_units(p)) == p.extra["analysis"]["units"]);
    p.extra["analysis"]["units"]["area"] = "acre";
    CHECK_THROWS_WITH_AS(geo::display_units(p), doctest::Contains("analysis.units.area"), geo::Error);
}
