#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "geo/core/error.h"
#include "geo/scenario/edits.h"
#include "geo/scenario/facility_edits.h"
#include "test_support.h"

namespace {

geo::Project with_scenarios(const geo::Json& scenarios)
{
    geo::Project p;
    p.file = "/nowhere/p.parkcap.json";
    p.extra["scenarios"] = scenarios;
    return p;
}

}  // namespace

TEST_CASE("typed edits: every kind reads and writes back the same, mistakes name their key")
{
    const geo::Json edits = geo::Json::array({
        {{"type", "raise_far"}, {"far", 2.5}, {"park", "CQ-HTZ"}},
        {{"type", "redevelop"}, {"park", "Square"}},
        {{"type", "standard_factory"}, {"site", "S1"}, {"storeys", 5.0}, {"footprint_m2", 6000.0}, {"beds", 400.0}},
        {{"type", "add_facility"}, {"id", "new-1"}, {"facility_type", "dormitory"}, {"lon", 106.43}, {"lat", 29.51}, {"capacity", 300.0}},
        {{"type", "move_facility"}, {"facility", {{"layer", "facilities"}, {"fid", 12}}}, {"lon", 106.44}, {"lat", 29.52}},
        {{"type", "remove_facility"}, {"facility", {{"added", "new-1"}}}},
        {{"type", "extend_boundary"}, {"park", "SQ"}, {"ring", {{106.0, 29.0}, {106.1, 29.0}, {106.1, 29.1}}}},
        {{"type", "upgrade_capacity"}, {"park", "SQ"}, {"factor", "power_kw"}, {"add", 5000.0}},
        {{"type", "add_enterprise"}, {"id", "in-1"}, {"name", "新材料公司"}, {"cluster", "新材料"}, {"tier", "科技型中小企业"},
         {"lon", 106.45}, {"lat", 29.5}, {"employees", 60.0}, {"floor_m2", 8000.0}, {"site", "S1"}},
        {{"type", "redevelop_plots"}, {"layer", "enterprises"}, {"fids", {3, 17}}, {"far", 2.0}},
    });
    const geo::Project p = with_scenarios(geo::Json::array({{{"name", "all kinds"}, {"kind", "test"}, {"edits", edits}}}));
    const auto scenarios = geo::read_scenarios(p);
    REQUIRE(scenarios.size() == 1);
    REQUIRE(scenarios[0].edits.size() == 10);
    CHECK(std::get<geo::AddEnterprise>(scenarios[0].edits[8]).site == "S1");
    CHECK(!std::get<geo::AddEnterprise>(scenarios[0].edits[8]).land_m2);
    CHECK(std::get<geo::RedevelopPlots>(scenarios[0].edits[9]).fids == std::vector<int64_t>{3, 17});
    CHECK(std::get<geo::MoveFacility>(scenarios[0].edits[4]).facility == geo::FacilityRef{"facilities", 12, ""});
    CHECK(std::get<geo::RemoveFacility>(scenarios[0].edits[5]).facility.added == "new-1");
    // Written back, read again: the same values (and the kept key "kind").
    const geo::Json written = geo::to_json(scenarios[0]);
    CHECK(written["kind"] == "test");
    const auto again = geo::read_scenarios(with_scenarios(geo::Json::array({written})));
    CHECK(again[0].edits == scenarios[0].edits);

    auto error_of = [](const geo::Json& edit) {
        try {
            geo::read_scenarios(with_scenarios(geo::Json::array({{{"name", "s"}, {"edits", geo::Json::array({edit})}}})));
        } catch (const geo::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error_of({{"type", "move_facility"}, {"facility", 3}, {"lon", 1}, {"lat", 1}}).find("scenarios[0].edits[0].facility: must name a facility") != std::string::npos);
    CHECK(error_of({{"type", "add_facility"}, {"facility_type", "x"}, {"lon", 200}, {"lat", 1}}).find("edits[0].lon: not a longitude") != std::string::npos);
    CHECK(error_of({{"type", "add_enterprise"}, {"name", "a"}, {"cluster", "c"}, {"lon", 1}, {"lat", 1}, {"employees", -3}, {"floor_m2", 1}})
              .find("edits[0].employees: must not be negative") != std::string::npos);
    CHECK(error_of({{"type", "redevelop_plots"}, {"layer", "enterprises"}, {"fids", {1.5}}}).find("edits[0].fids: must be a list of feature ids") !=
          std::string::npos);
    CHECK(error_of({{"type", "teleport"}}).find("edits[0].type: unknown edit type 'teleport'") != std::string::npos);
}

TEST_CASE("typed edits: an empty scenario is not kept, storing replaces by name, applied and undone leaves the project as it was")
{
    geo::Project p = with_scenarios(geo::Json::array({{{"name", "keep"}, {"edits", geo::Json::array({{{"type", "redevelop"}, {"park", "A"}}})}}}));
    const std::string before = geo::project_to_json(p, p.file).dump(2);
    geo::Scenario what_if{"coverage what-if", {geo::AddFacility{"added-1", "canteen", {106.5, 29.5}, std::nullopt}}, {}};
    geo::store_scenario(p, what_if);
    CHECK(geo::read_scenarios(p).size() == 2);
    what_if.edits.clear();  // the edit undone
    geo::store_scenario(p, what_if);
    CHECK(geo::project_to_json(p, p.file).dump(2) == before);  // byte for byte
}

TEST_CASE("facility edits: added, moved by fid, removed by the id an add gave, old index-based edits upgraded")
{
    const geo::Crs working = geo::parse_crs("EPSG:4545");
    geo::Layer fac;
    fac.name = "facilities";
    fac.geometry = geo::GeometryColumn(geo::GeomKind::Point);
    fac.columns = {geo::Column("类型", geo::FieldType::String), geo::Column("容量", geo::FieldType::Real)};
    for (int i = 0; i < 3; ++i) {
        fac.geometry.add_point({500000.0 + 100 * i, 3300000});
        fac.fids.push_back(10 + i);
        fac.columns[0].push_string(i == 2 ? "dormitory" : "canteen");
        fac.columns[1].push_real(100.0 * (i + 1));
    }
    const geo::Transformer to_lonlat(working, geo::wgs84());
    geo::Coord far{501000, 3301000};
    to_lonlat.transform(std::span<geo::Coord>(&far, 1));
    geo::Scenario s{"s", {geo::AddFacility{"new-1", "clinic", {far.x, far.y}, 50.0},
                          geo::MoveFacility{{"facilities", 11, ""}, {far.x, far.y}},
                          geo::RemoveFacility{{"facilities", 10, ""}},
                          geo::RaiseFar{"P", {}, 2.0}},
                    {}};
    const geo::Layer out = geo::apply_facility_edits(fac, "facilities", "类型", "容量", s, working);
    REQUIRE(out.size() == 3);  // 3 - 1 removed + 1 added
    CHECK(out.fids == std::vector<int64_t>{11, 12, 13});  // the added one takes the next fid
    CHECK(out.geometry.first_coord(0).x == doctest::Approx(501000).epsilon(1e-9));
    CHECK(out.geometry.first_coord(0).y == doctest::Approx(3301000).epsilon(1e-9));
    CHECK(out.columns[0].text(2) == "clinic");
    CHECK(out.columns[1].real(2) == doctest::Approx(50));
    CHECK(out.columns[1].real(1) == doctest::Approx(300));  // untouched rows keep their attributes

    geo::Scenario bad{"bad", {geo::MoveFacility{{"facilities", 99, ""}, {far.x, far.y}}}, {}};
    CHECK_THROWS_WITH_AS(geo::apply_facility_edits(fac, "facilities", "类型", "", bad, working),
                         doctest::Contains("scenario 'bad', edit 1 (move_facility): the layer 'facilities' has no facility with fid 99"), geo::Error);

    // The coverage panel's old edits: facility 3 (the first added), type index 1, x/y in the working CRS.
    geo::LoadedLayer loaded;
    loaded.config.id = "facilities";
    loaded.data = std::make_shared<geo::Layer>(fac);
    geo::Scenario old{"coverage what-if",
                      {geo::LegacyCoverageEdit{{{"op", "add"}, {"facility", 3}, {"type", 1}, {"x", 501000.0}, {"y", 3301000.0}}},
                       geo::LegacyCoverageEdit{{{"op", "move"}, {"facility", 3}, {"x", 501100.0}, {"y", 3301000.0}}},
                       geo::LegacyCoverageEdit{{{"op", "remove"}, {"facility", 0}}}},
                      {}};
    const std::vector<geo::FacilityType> types = {{"canteen", "食堂", {500}}, {"clinic", "卫生站", {1000}}};
    CHECK(geo::upgrade_legacy_edits(old, loaded, types, working) == 3);
    CHECK(std::get<geo::AddFacility>(old.edits[0]).facility_type == "clinic");
    CHECK(std::get<geo::MoveFacility>(old.edits[1]).facility.added == "added-3");
    CHECK(std::get<geo::RemoveFacility>(old.edits[2]).facility == geo::FacilityRef{"facilities", 10, ""});
    const geo::Layer upgraded = geo::apply_facility_edits(fac, "facilities", "类型", "", old, working);
    REQUIRE(upgraded.size() == 3);
    CHECK(upgraded.geometry.first_coord(2).x == doctest::Approx(501100).epsilon(1e-9));
}

TEST_CASE("typed edits: one edit from a panel's JSON, and a named scenario kept while still empty")
{
    const geo::Edit e = geo::edit_from_json({{"type", "upgrade_capacity"}, {"park", "SQ"}, {"factor", "water_m3d"}, {"add", 500}});
    CHECK(std::get<geo::UpgradeCapacity>(e).add == 500);
    CHECK_THROWS_WITH_AS(geo::edit_from_json({{"type", "raise_far"}, {"park", "SQ"}}), doctest::Contains("edit.far: missing, or not a number"),
                         geo::Error);
    geo::Project p;
    geo::store_scenario(p, {"新方案", {}, {}}, true);  // the planner named it, no edit yet
    REQUIRE(geo::read_scenarios(p).size() == 1);
    CHECK(geo::read_scenarios(p)[0].name == "新方案");
    geo::store_scenario(p, {"新方案", {e}, {}}, true);
    CHECK(geo::read_scenarios(p)[0].edits.size() == 1);
    geo::store_scenario(p, {"新方案", {}, {}}, true);  // its one edit undone: still there, empty
    CHECK(geo::read_scenarios(p).size() == 1);
}
