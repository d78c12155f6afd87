// The planner's settings, made as the panels make them, saved with the project and run by
// `parkcap` on the saved file, give exactly what the panel computed: one engine, one set of
// settings, no defaults of the GUI's own.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <span>
#include <iterator>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "geo/capacity/capacity_run.h"
#include "geo/cluster/cluster_settings.h"
#include "geo/coverage/coverage_settings.h"
#include "geo/coverage/coverage_state.h"
#include "geo/density/density_settings.h"
#include "geo/report/coverage_outputs.h"
#include "geo/io/layer_reader.h"
#include "geo/report/cluster_outputs.h"
#include "geo/report/csv_table.h"
#include "geo/scenario/edits.h"
#include "geo/project/loaded_project.h"
#include "geo/project/settings_reader.h"
#include "gui/workspace.h"
#include "test_support.h"

namespace {

std::vector<float> read_band(const std::string& path, int& cols, int& rows)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    cols = ds->GetRasterXSize();
    rows = ds->GetRasterYSize();
    std::vector<float> v(static_cast<size_t>(cols) * static_cast<size_t>(rows));
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, cols, rows, v.data(), cols, rows, GDT_Float32, 0, 0, nullptr) == CE_None);
    return v;
}

}  // namespace

TEST_CASE("density: the panel's settings, saved, give the command the very surface the panel drew")
{
    test::ScratchDir dir("density_roundtrip");
    gui::Workspace ws;
    ws.doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});

    // As the density panel does: edit the settings, store them in the project, compute.
    geo::DensitySettings s = geo::density_settings(ws.doc->project.project);
    s.kde.kernel = geo::Kernel::Triweight;
    s.kde.radius_m = 1500;
    s.kde.cell_m = 200;
    s.filter.weight = "employees";
    s.filter.cluster = "电子信息";
    geo::store_settings(ws.doc->project.project, "density", geo::to_json(s));
    const geo::KdeResult shown = geo::density_surface(geo::select_points(ws.doc->project, s.filter), s.kde);

    // Saved as the planner saves it, then the command with no analysis flags.
    const std::string saved = (dir.path / "saved.parkcap.json").string();
    geo::LoadedProject to_save = ws.doc->project;
    geo::write_project(geo::project_for_saving(to_save), saved);
    const std::string tif = (dir.path / "d.tif").string();
    const std::string cmd = std::string(PARKCAP_CLI) + " density '" + saved + "' --out '" + tif + "' > /dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);

    int cols = 0, rows = 0;
    const std::vector<float> written = read_band(tif, cols, rows);
    CHECK(static_cast<size_t>(cols) == shown.raster.grid.cols);
    CHECK(static_cast<size_t>(rows) == shown.raster.grid.rows);
    REQUIRE(written.size() == shown.raster.values.size());
    size_t differ = 0;
    for (size_t i = 0; i < written.size(); ++i) differ += written[i] != shown.raster.values[i];
    CHECK(differ == 0);  // bit for bit

    // And the saved file holds exactly what was set.
    CHECK(geo::density_settings(geo::read_project(saved)) == s);
}

TEST_CASE("clusters: the panel's settings, saved, give the command the panel's location quotients and hot spots")
{
    test::ScratchDir dir("clusters_roundtrip");
    gui::Workspace ws;
    ws.doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});

    geo::ClusterOptions o = geo::cluster_settings(ws.doc->project.project);
    o.cell_m = 1500;
    o.lq.min_lq = 1.6;
    o.lq.measure = geo::LqMeasure::Count;
    o.eps_m = 400;
    o.min_points = 15;
    o.study_margin_m = 2000;
    geo::store_settings(ws.doc->project.project, "clusters", geo::to_json(o));
    const geo::ClusterAnalysis shown = geo::analyse_clusters(ws.doc->project, o);

    const std::string saved = (dir.path / "saved.parkcap.json").string();
    geo::write_project(geo::project_for_saving(ws.doc->project), saved);
    const std::string prefix = (dir.path / "c").string();
    const std::string cmd = std::string(PARKCAP_CLI) + " clusters '" + saved + "' --out '" + prefix + "' > /dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);

    std::ifstream in(prefix + "_lq.csv", std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(written == geo::to_csv(geo::lq_table(shown, o.lq_category)));
    const geo::Layer hot = geo::read_layer({.path = prefix + ".gpkg", .layer = "hot_spots"}, ws.doc->project.working.crs);
    CHECK(hot.size() == geo::hot_spot_layer(shown).size());
    CHECK(geo::cluster_settings(geo::read_project(saved)).cell_m == 1500);
}

TEST_CASE("coverage: radii edited in the panel, saved, give the command the panel's numbers")
{
    test::ScratchDir dir("coverage_roundtrip");
    gui::Workspace ws;
    ws.doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});
    geo::Project& project = ws.doc->project.project;

    // As the panel does: start from the project's settings (the demo's radius table), edit a
    // radius, store the radii inline.
    geo::CoverageSettings s = geo::coverage_settings(project);
    REQUIRE(!s.types.empty());
    s.types[1].radii_m = {350};  // canteens: 350 m instead of 500 m
    geo::store_settings(project, "coverage", geo::to_json(s, true));

    // What the panel's table shows: the coverage state of the facilities, summarised.
    const geo::LoadedLayer& firms = *ws.doc->project.first(geo::Role::Enterprises);
    const geo::LoadedLayer& fac = *ws.doc->project.first(geo::Role::Facilities);
    std::vector<geo::Coord> pts, fpts;
    for (size_t i = 0; i < firms.data->size(); ++i) pts.push_back(firms.data->geometry.first_coord(i));
    std::vector<int32_t> type_of;
    const geo::Column& type = *fac.data->column(*fac.fields.field_for("type"));
    for (size_t i = 0; i < fac.data->size(); ++i) {
        fpts.push_back(fac.data->geometry.first_coord(i));
        const geo::FacilityType* t = geo::find_facility_type(s.types, type.text(i));
        type_of.push_back(t ? static_cast<int32_t>(t - s.types.data()) : -1);
    }
    const geo::CoverageState state(pts, s.types, fpts, type_of);
    const geo::CsvTable shown = geo::coverage_table(geo::park_grouping(ws.doc->project, firms), state.result(), nullptr,
                                                    firms.data->column(*firms.fields.field_for("employees")));

    const std::string saved = (dir.path / "saved.parkcap.json").string();
    geo::write_project(geo::project_for_saving(ws.doc->project), saved);
    const std::string prefix = (dir.path / "c").string();
    const std::string cmd = std::string(PARKCAP_CLI) + " coverage '" + saved + "' --out '" + prefix + "' > /dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(prefix + "_parks.csv", std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(written == geo::to_csv(shown));
    CHECK(written.find(",canteen,350,") != std::string::npos);
}

TEST_CASE("capacity: a scenario made in the panel's editor, saved, is what the command evaluates")
{
    test::ScratchDir dir("capacity_roundtrip");
    gui::Workspace ws;
    ws.doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});
    geo::Project& project = ws.doc->project.project;

    // As the editor does: a new named scenario, then typed edits through geo's reader.
    geo::store_scenario(project, {"round trip", {}, {}}, true);
    geo::Scenario s = geo::scenario_named(project, "round trip");
    s.edits.push_back(geo::edit_from_json({{"type", "upgrade_capacity"}, {"park", "CQ-HTZ"}, {"factor", "power_kw"}, {"add", 250000}}));
    s.edits.push_back(geo::edit_from_json({{"type", "raise_far"}, {"park", "CQ-HTZ"}, {"far", 3.0}}));
    // Growth and a plot marked for redevelopment: the first enterprise, and a newcomer beside it.
    const geo::LoadedLayer& firms = *ws.doc->project.first(geo::Role::Enterprises);
    geo::Coord near = firms.data->geometry.first_coord(0);
    near.x += 30;
    geo::Transformer(ws.doc->project.working.crs, geo::wgs84()).transform(std::span<geo::Coord>(&near, 1));
    s.edits.push_back(geo::edit_from_json({{"type", "redevelop_plots"}, {"layer", firms.config.id}, {"fids", {firms.data->fids[0]}}, {"far", 4.0}}));
    s.edits.push_back(geo::edit_from_json({{"type", "add_enterprise"}, {"name", "新入驻企业"}, {"cluster", "电子信息"}, {"lon", near.x}, {"lat", near.y},
                                           {"employees", 120}, {"floor_m2", 9000}, {"land_m2", 6000}}));
    geo::store_scenario(project, s, true);

    // What the panel evaluates: the same engine on the same (snapshot of the) project.
    const geo::CapacityBase base = geo::capacity_base(ws.doc->project);
    const geo::CapacityRun shown = geo::run_capacity(project, ws.doc->project.working.crs, base, "round trip");
    CHECK(shown.input.firms->xy.size() == firms.data->size() + 1);
    double redeveloped = 0;
    for (const auto& pc : shown.result.parks) redeveloped += pc.redevelopment_m2;
    CHECK(redeveloped > 0);

    const std::string saved = (dir.path / "saved.parkcap.json").string();
    geo::Project to_save = geo::project_for_saving(ws.doc->project);
    // The demo names its tables relative to its own folder; saved elsewhere they are rebased.
    geo::write_project(to_save, saved);
    const std::string prefix = (dir.path / "cap").string();
    const std::string cmd = std::string(PARKCAP_CLI) + " capacity '" + saved + "' --scenario 'round trip' --out '" + prefix + "' > /dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);

    // The command's parks table, scenario rows: capacity_jobs as the panel computed them.
    std::ifstream in(prefix + "_parks.csv", std::ios::binary);
    std::string line;
    std::getline(in, line);  // header
    size_t checked = 0;
    while (std::getline(in, line)) {
        if (line.rfind("round trip,", 0) != 0) continue;
        for (const geo::ParkCapacity& pc : shown.result.parks) {
            if (line.find("," + pc.code + ",") == std::string::npos) continue;
            CHECK(line.find("," + geo::number_text(pc.capacity_jobs, 10) + ",") != std::string::npos);
            ++checked;
        }
    }
    CHECK(checked == shown.result.parks.size());
}
