#include <doctest/doctest.h>

#include <span>

#include "geo/capacity/capacity_run.h"
#include "geo/io/crs.h"
#include "geo/scenario/edits.h"
#include "test_support.h"

TEST_CASE("capacity runs: a moved facility and an incoming enterprise get fresh coverage, not the baseline's")
{
    geo::LoadedProject project = geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json")));
    const geo::CapacityBase base = geo::capacity_base(project);
    const geo::CapacityRun baseline = geo::run_capacity(project.project, project.working.crs, base, "");
    // Every facility of the first park's bus stops moved far away (into the sea of nothing at 0, 0).
    const geo::CapacityInput& in = base.input;
    const size_t park = 0;
    const std::string code = "bus_stop";
    REQUIRE(baseline.result.parks[park].coverage.count(code));
    const double before = baseline.result.parks[park].coverage.at(code);
    REQUIRE(before > 0);
    geo::Scenario s{"moved", {}, {}};
    const auto& type_table = in.radii;
    for (size_t k = 0; k < in.facility_xy.size(); ++k) {
        const geo::FacilityType* t = geo::find_facility_type(type_table, in.facility_type[k]);
        if (t && t->code == code) s.edits.push_back(geo::MoveFacility{{in.facility_layer, in.facility_fid[k], ""}, {100.0, 20.0}});
    }
    REQUIRE(!s.edits.empty());
    geo::store_scenario(project.project, s);
    const geo::CapacityRun moved = geo::run_capacity(project.project, project.working.crs, base, "moved");
    CHECK(moved.result.parks[park].coverage.at(code) == 0);
    // An incoming enterprise: the run has one more plot and evaluates without reading past the baseline's coverage.
    geo::Coord at = in.firms->xy[0];
    geo::Transformer(project.working.crs, geo::wgs84()).transform(std::span<geo::Coord>(&at, 1));
    geo::store_scenario(project.project, {"grown", {geo::AddEnterprise{"", "新企业", "新材料", "", {at.x, at.y}, 10, 1000, std::nullopt, ""}}, {}});
    const geo::CapacityRun grown = geo::run_capacity(project.project, project.working.crs, base, "grown");
    CHECK(grown.result.plots.size() == baseline.result.plots.size() + 1);
}
