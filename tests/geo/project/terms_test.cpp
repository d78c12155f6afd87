#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "geo/core/error.h"
#include "geo/io/csv_text.h"
#include "geo/project/roles.h"
#include "geo/project/terms.h"
#include "test_support.h"

TEST_CASE("terms: the shipped table names factors, facility types, tiers and hot-spot classes in both languages")
{
    const geo::Terms t = geo::Terms::read(test::datasets("standards/terms.csv"));
    CHECK(t.name("factor", "floor_area", geo::Language::Zh) == "建筑面积");
    CHECK(t.name("factor", "floor_area", geo::Language::En) == "Floor area");
    CHECK(t.name("facility", "bus_stop", geo::Language::Zh) == "公交站点");
    CHECK(t.name("hotspot", "3", geo::Language::Zh) == "热点 99%");
    CHECK(t.name("hotspot", "3", geo::Language::En) == "Hot spot 99%");
    CHECK(t.name("factor", "no_such_factor", geo::Language::Zh) == "no_such_factor");  // shows as itself
    // Every factor of the demand-rate table and every facility type of the radius table has a name.
    for (const auto& row : geo::read_csv_file(test::datasets("standards/infrastructure_demand_rates.csv")))
        if (row[0] != "factor") CHECK_MESSAGE(t.has("factor", row[0]), row[0]);
    for (const auto& row : geo::read_csv_file(test::datasets("standards/facility_service_radii.csv")))
        if (row[0] != "facility_type") CHECK_MESSAGE(t.has("facility", row[0]), row[0]);
    for (const auto& row : geo::read_csv_file(test::datasets("standards/tier_priority.csv")))
        if (row[0] != "tier") CHECK_MESSAGE(t.has("tier", row[0]), row[0]);
    for (const auto& row : geo::read_csv_file(test::datasets("standards/placement_weights.csv")))
        if (row[0] != "component") CHECK_MESSAGE(t.has("placement", row[0]), row[0]);
}

TEST_CASE("terms: every field meaning of every role has a name, so Identify never shows a key such as floor_area")
{
    const geo::Terms t = geo::Terms::read(test::datasets("standards/terms.csv"));
    for (geo::Role role : geo::all_roles())
        for (const geo::Meaning& m : geo::meanings_of(role)) CHECK_MESSAGE(t.has("meaning", m.key), m.key);
}

TEST_CASE("terms: a bad table is refused with its file and line")
{
    const test::ScratchDir dir("terms_bad");
    const std::string file = (dir.path / "terms.csv").string();
    std::ofstream(file) << "kind,key,en,zh\nfactor,power_kw,Power,供电\nfactor,power_kw,Power again,供电\n";
    CHECK_THROWS_WITH_AS(geo::Terms::read(file), doctest::Contains("line 3 repeats factor 'power_kw'"), geo::Error);
    std::ofstream(file) << "kind,key,en,zh\nfactor,water,,供水\n";
    CHECK_THROWS_WITH_AS(geo::Terms::read(file), doctest::Contains("line 2 needs kind, key, en and zh"), geo::Error);
    std::ofstream(file) << "key,en,zh\n";
    CHECK_THROWS_WITH_AS(geo::Terms::read(file), doctest::Contains("the first line must be kind,key,en,zh"), geo::Error);
}

TEST_CASE("language: parsed from options and from the locale")
{
    CHECK(geo::parse_language("zh") == geo::Language::Zh);
    CHECK(geo::parse_language("zh_CN.UTF-8") == geo::Language::Zh);
    CHECK(geo::parse_language("EN") == geo::Language::En);
    CHECK_THROWS_WITH_AS(geo::parse_language("fr"), doctest::Contains("unknown language 'fr' (zh or en)"), geo::Error);
    ::setenv("LC_ALL", "", 1);
    ::setenv("LC_MESSAGES", "", 1);
    ::setenv("LANG", "zh_CN.UTF-8", 1);
    CHECK(geo::language_from_locale() == geo::Language::Zh);
    ::setenv("LC_ALL", "C.UTF-8", 1);  // LC_ALL wins
    CHECK(geo::language_from_locale() == geo::Language::En);
    ::unsetenv("LC_ALL");
    ::unsetenv("LC_MESSAGES");
    ::unsetenv("LANG");
    CHECK(geo::language_from_locale() == geo::Language::En);
}
