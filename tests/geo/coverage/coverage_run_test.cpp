#include <doctest/doctest.h>

#include <cmath>

#include "geo/coverage/coverage_run.h"
#include "geo/project/project.h"
#include "geo/scenario/edits.h"
#include "test_support.h"

TEST_CASE("coverage run: a scenario's incoming enterprise is new demand, its facility edits change the supply")
{
    geo::LoadedProject project = geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json")));
    const geo::CoverageSettings settings = geo::coverage_settings(project.project);
    const geo::LoadedLayer& fac = *project.first(geo::Role::Facilities);
    const geo::Column& type = *fac.data->column(*fac.fields.field_for("type"));
    // An incoming enterprise right on the first bus stop.
    size_t stop = 0;
    while (stop < fac.data->size() && type.text(stop) != "公交站点") ++stop;
    REQUIRE(stop < fac.data->size());
    geo::Coord at = fac.data->geometry.first_coord(stop);
    geo::Transformer(project.working.crs, geo::wgs84()).transform(std::span<geo::Coord>(&at, 1));
    geo::Scenario s{"incoming", {geo::AddEnterprise{"in-1", "新公司", "电子信息", "", {at.x, at.y}, 40, 3000, std::nullopt, ""}}, {}};
    geo::store_scenario(project.project, s);

    const geo::CoverageRun base = geo::run_coverage(project, settings);
    const geo::CoverageRun grown = geo::run_coverage(project, settings, "incoming");
    const size_t n = base.firms.data->size();
    REQUIRE(grown.firms.data->size() == n + 1);
    CHECK(grown.facilities.size() == base.facilities.size());
    REQUIRE(grown.notes.size() == 1);
    CHECK(grown.notes[0].find("1 incoming enterprises") != std::string::npos);
    // Its fields carry the edit's values under the bound fields.
    const geo::Layer& firms = *grown.firms.data;
    CHECK(firms.column(*grown.firms.fields.field_for("name"))->text(n) == "新公司");
    CHECK(firms.column(*grown.firms.fields.field_for("employees"))->number(n).value_or(-1) == 40);
    CHECK(firms.fids[n] > firms.fids[n - 1]);
    size_t bus = 0;
    while (grown.straight.types[bus].type.code != "bus_stop") ++bus;
    CHECK(grown.straight.types[bus].distance[n] < 1.0);  // on the stop, to the projection's round trip
    CHECK(grown.straight.types[bus].nearest[n] == fac.data->fids[stop]);
    for (size_t i = 0; i < n; ++i) REQUIRE(grown.straight.types[bus].distance[i] == base.straight.types[bus].distance[i]);

    // The same stop removed: the newcomer is farther from a bus stop.
    s.edits.push_back(geo::RemoveFacility{{fac.config.id, fac.data->fids[stop], ""}});
    geo::store_scenario(project.project, s);
    const geo::CoverageRun without = geo::run_coverage(project, settings, "incoming");
    CHECK(without.facilities.size() == base.facilities.size() - 1);
    CHECK(without.straight.types[bus].distance[n] > 1.0);
    CHECK(without.straight.types[bus].nearest[n] != fac.data->fids[stop]);
}
