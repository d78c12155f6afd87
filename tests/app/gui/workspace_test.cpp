#include <doctest/doctest.h>

#include "geo/core/polygon_locator.h"
#include "geo/overlay/feature_index.h"
#include "geo/core/error.h"
#include "geo/scenario/edits.h"
#include "gui/table_sort.h"
#include "gui/workspace.h"
#include "test_support.h"

namespace {

std::unique_ptr<gui::Document> small_document()
{
    geo::LoadedProject p = geo::load_project(geo::read_project(test::data("small.parkcap.json")));
    return gui::build_document(std::move(p), {});
}

}  // namespace

TEST_CASE("undo and redo step through style and order edits, unchanged frames add nothing")
{
    gui::Workspace ws;
    ws.doc = small_document();
    REQUIRE(ws.doc->views.size() == 2);
    ws.committed = ws.snapshot();
    const gui::StyleSnapshot original = ws.snapshot();

    ws.commit_edits();  // nothing changed
    CHECK(ws.undo.empty());

    ws.doc->views[0].style.opacity = 0.5f;
    ws.commit_edits();
    std::swap(ws.doc->views[0], ws.doc->views[1]);
    ws.commit_edits();
    CHECK(ws.undo.size() == 2);

    ws.undo_edit();
    CHECK(ws.doc->views[0].layer == 0);  // order restored
    CHECK(ws.doc->views[0].style.opacity == 0.5f);
    ws.undo_edit();
    CHECK(ws.snapshot() == original);
    CHECK(ws.doc->views[0].colours_dirty);
    ws.redo_edit();
    CHECK(ws.doc->views[0].style.opacity == 0.5f);
    ws.doc->views[1].style.visible = false;  // a new edit clears what could be redone
    ws.commit_edits();
    CHECK(ws.redo.empty());
}

TEST_CASE("one history: style edits and a what-if edit undo in order, and the project comes back byte for byte")
{
    gui::Workspace ws;
    ws.doc = small_document();
    ws.committed = ws.snapshot();
    const gui::StyleSnapshot original = ws.snapshot();
    geo::Project& project = ws.doc->project.project;
    const std::string saved_before = geo::project_to_json(project, project.file).dump(2);

    ws.doc->views[0].style.opacity = 0.25f;  // a style edit...
    ws.commit_edits();
    // ...then a what-if edit, recorded as the coverage panel records one: stored as a typed
    // scenario, with the two halves of the command.
    const geo::Scenario with_canteen{"coverage what-if", {geo::AddFacility{"added-9", "canteen", {106.5, 29.5}, std::nullopt}}, {}};
    const geo::Scenario empty{"coverage what-if", {}, {}};
    geo::store_scenario(project, with_canteen);
    ws.push_edit({"what-if: add a canteen", [&](gui::Workspace& w) { geo::store_scenario(w.doc->project.project, empty); },
                  [&](gui::Workspace& w) { geo::store_scenario(w.doc->project.project, with_canteen); }});
    REQUIRE(ws.undo.size() == 2);
    CHECK(ws.undo.back().label == "what-if: add a canteen");

    ws.undo_edit();  // the what-if first
    CHECK(geo::read_scenarios(project).empty());
    CHECK(ws.doc->views[0].style.opacity == 0.25f);
    ws.undo_edit();  // then the style
    CHECK(ws.snapshot() == original);
    CHECK(geo::project_to_json(project, project.file).dump(2) == saved_before);
    ws.redo_edit();
    ws.redo_edit();
    CHECK(geo::read_scenarios(project).size() == 1);
    CHECK(ws.doc->views[0].style.opacity == 0.25f);
}

TEST_CASE("one history across kinds: a scenario edit, a style edit and a units setting undo in reverse order")
{
    gui::Workspace ws;
    ws.doc = small_document();
    ws.committed = ws.snapshot();
    geo::Project& project = ws.doc->project.project;

    ws.store_scenario_undoable({"growth", {geo::RaiseFar{"甲园区", {}, 3.0}}, {}}, "growth: raise FAR");
    ws.doc->views[1].style.opacity = 0.5f;
    ws.commit_edits();
    ws.set_units({geo::AreaUnit::Mu, geo::MoneyUnit::Yuan}, "units: area in mu");
    ws.set_units({geo::AreaUnit::Mu, geo::MoneyUnit::Yuan}, "again");  // no change: no entry
    REQUIRE(ws.undo.size() == 3);
    CHECK(geo::display_units(project).area == geo::AreaUnit::Mu);  // stored in the project, saved with it
    CHECK(ws.unsaved());

    ws.undo_edit();  // the units
    CHECK(ws.doc->units == geo::DisplayUnits{});
    CHECK(geo::display_units(project) == geo::DisplayUnits{});
    CHECK(ws.doc->views[1].style.opacity == 0.5f);
    ws.undo_edit();  // the style
    CHECK(ws.doc->views[1].style.opacity != 0.5f);
    CHECK(geo::read_scenarios(project).size() == 1);
    ws.undo_edit();  // the scenario
    CHECK(geo::read_scenarios(project).empty());
    ws.redo_edit();
    ws.redo_edit();
    ws.redo_edit();
    CHECK(ws.doc->units.area == geo::AreaUnit::Mu);
    CHECK(ws.doc->views[1].style.opacity == 0.5f);
    CHECK(geo::scenario_named(project, "growth").edits.size() == 1);
}

TEST_CASE("an attribute edit is typed, undoable, updates the park statistics and marks the layer as unsaved")
{
    gui::Workspace ws;
    ws.doc = small_document();
    ws.committed = ws.snapshot();
    const int firms = ws.doc->view_with_role(geo::Role::Enterprises);
    REQUIRE(firms >= 0);
    const size_t layer = ws.doc->views[static_cast<size_t>(firms)].layer;
    const geo::Layer& before = *ws.doc->project.layers[layer].data;
    const std::string* employees = ws.doc->project.layers[layer].fields.field_for("employees");
    REQUIRE(employees);
    size_t column = 0;
    while (before.columns[column].name() != *employees) ++column;
    // The first enterprise of 甲园区 (60 employees in all, a hand count): its staff set to 100.
    size_t row = 0;
    while (ws.doc->parks->zone_of[row] != 0) ++row;
    const double old = *before.columns[column].number(row);
    CHECK_FALSE(ws.doc->has_unsaved_attributes(layer));
    ws.edit_attribute(firms, row, column, "100");
    CHECK(ws.doc->project.layers[layer].data->columns[column].number(row) == 100);
    CHECK(ws.doc->park_stats[0].employees == doctest::Approx(60 - old + 100));
    CHECK(ws.doc->has_unsaved_attributes(layer));
    CHECK(ws.unsaved());
    CHECK(ws.undo.back().label.find(" → 100") != std::string::npos);
    // A value the field cannot hold is refused, and nothing changes.
    CHECK_THROWS_AS(ws.edit_attribute(firms, row, column, "a hundred"), geo::Error);
    CHECK(ws.undo.size() == 1);
    ws.undo_edit();
    CHECK(ws.doc->project.layers[layer].data->columns[column].number(row) == old);
    CHECK(ws.doc->park_stats[0].employees == doctest::Approx(60));
    CHECK_FALSE(ws.doc->has_unsaved_attributes(layer));  // back to what the file holds
    ws.redo_edit();
    CHECK(ws.doc->has_unsaved_attributes(layer));
}

TEST_CASE("a document knows its parks: statistics match a hand count")
{
    const auto doc = small_document();
    REQUIRE(doc->park_stats.size() == 2);
    CHECK(doc->park_stats[0].name == "甲园区");
    CHECK(doc->park_stats[0].enterprises == 3);
    CHECK(doc->park_stats[0].employees == doctest::Approx(60));
    CHECK(doc->park_stats[1].enterprises == 1);
    CHECK(doc->parks->outside == 1);  // the one in the hole
    CHECK(doc->park_by_name("乙园区") == 1u);
    CHECK_FALSE(doc->park_by_name("丙园区").has_value());
}

TEST_CASE("selecting by rectangle on the active layer, by expression, and clearing; the table's filter sees the set")
{
    gui::Workspace ws;
    ws.doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});
    const int parks = ws.doc->view_with_role(geo::Role::Parks), firms = ws.doc->view_with_role(geo::Role::Enterprises);
    CHECK(ws.active_view() == firms);  // the enterprises by default
    // A rectangle round 重庆高新区's envelope on the enterprises: every enterprise in that park
    // (its park assignment) is inside the envelope, so the selection holds at least them.
    const size_t park = *ws.doc->park_by_name("重庆高新区");
    const geo::Envelope box = ws.doc->layer_of(ws.doc->views[static_cast<size_t>(parks)]).data->geometry.envelope(ws.doc->park_stats[park].feature);
    const size_t n = ws.select_in_area({{box.min_x, box.min_y}, {box.max_x, box.min_y}, {box.max_x, box.max_y}, {box.min_x, box.max_y}});
    CHECK(n >= static_cast<size_t>(ws.doc->park_stats[park].enterprises));
    CHECK(ws.doc->selection.view == firms);
    CHECK(ws.doc->selection.count() == n);
    // Brute force: exactly the enterprises whose point lies in the box.
    const auto& g = ws.doc->layer_of(ws.doc->views[static_cast<size_t>(firms)]).data->geometry;
    size_t inside = 0;
    for (size_t i = 0; i < g.size(); ++i) {
        const geo::Coord c = g.first_coord(i);
        const bool in = c.x >= box.min_x && c.x <= box.max_x && c.y >= box.min_y && c.y <= box.max_y;
        inside += in;
        CHECK(ws.doc->selection.contains(static_cast<uint32_t>(i)) == in);
    }
    CHECK(inside == n);
    // The parks layer made active: the same rectangle selects that park (and any it touches).
    ws.active_layer = static_cast<int64_t>(ws.doc->views[static_cast<size_t>(parks)].layer);
    ws.select_in_area({{box.min_x, box.min_y}, {box.max_x, box.min_y}, {box.max_x, box.max_y}, {box.min_x, box.max_y}});
    CHECK(ws.doc->selection.view == parks);
    CHECK(ws.doc->selection.contains(static_cast<uint32_t>(ws.doc->park_stats[park].feature)));
    ws.select(-1, -1, false);
    CHECK(ws.doc->selection.count() == 0);
    CHECK(ws.select_rows(firms, {5, 3, 3}) == 2);  // sorted, duplicates dropped
    CHECK(ws.doc->selection.row == 3);
}

TEST_CASE("a place inside a constraint area is named, one outside every area is not")
{
    const auto doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});
    const int cv = doc->view_with_role(geo::Role::Constraints);
    REQUIRE(cv >= 0);
    const gui::LayerView& v = doc->views[static_cast<size_t>(cv)];
    const geo::GeometryColumn& g = doc->layer_of(v).data->geometry;
    size_t named = 0;
    for (size_t f = 0; f < g.size(); ++f) {
        // A point certainly inside: a vertex nudged towards the polygon's interior is not
        // certain, so brute force over the envelope's grid finds one the locator says is inside.
        const geo::PolygonLocator locator(g, f);
        const geo::Envelope e = g.envelope(f);
        for (int i = 1; i < 20 && named <= f; ++i)
            for (int j = 1; j < 20; ++j) {
                const geo::Coord c{e.min_x + e.width() * i / 20, e.min_y + e.height() * j / 20};
                if (!locator.contains(c.x, c.y)) continue;
                const auto area = doc->constraint_at(c);
                CHECK(area.has_value());
                ++named;
                break;
            }
    }
    CHECK(named >= g.size() / 2);
    CHECK_FALSE(doc->constraint_at({0, 0}).has_value());
}

TEST_CASE("a park is found by its name, its code or its English name, ASCII case ignored")
{
    const auto doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});
    const auto by_name = doc->park_by_name("重庆高新区");
    REQUIRE(by_name.has_value());
    CHECK(doc->park_by_name("CQ-HTZ") == by_name);
    CHECK(doc->park_by_name("cq-htz") == by_name);
    CHECK(doc->park_by_name("Chongqing Hi-tech Industrial Development Zone") == by_name);
    CHECK_FALSE(doc->park_by_name("Chongqing").has_value());  // a whole value, not a part of one
}

TEST_CASE("picking at city scale: inside a park the park wins over a road a few pixels away, a road under the cursor wins")
{
    auto doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});
    const double mpp = 100;  // most of the city in a 1,400-pixel window
    // Points out of the way (a planner looking at parks and roads).
    for (auto role : {geo::Role::Enterprises, geo::Role::Facilities})
        if (int v = doc->view_with_role(role); v >= 0) doc->views[static_cast<size_t>(v)].style.visible = false;
    const int parks = doc->view_with_role(geo::Role::Parks), roads = doc->view_with_role(geo::Role::Roads);
    REQUIRE(parks >= 0);
    REQUIRE(roads >= 0);
    REQUIRE(roads > parks);  // drawn above the parks: the old rule (top layer within 5 px) took the road
    const geo::GeometryColumn& park_g = doc->layer_of(doc->views[static_cast<size_t>(parks)]).data->geometry;
    const geo::GeometryColumn& road_g = doc->layer_of(doc->views[static_cast<size_t>(roads)]).data->geometry;
    auto road_distance = [&](geo::Coord p) {
        double best = 1e300;
        for (size_t f = 0; f < road_g.size(); ++f)
            for (size_t part = road_g.part_begin(f); part < road_g.part_begin(f) + road_g.part_count(f); ++part) {
                const auto line = road_g.ring(road_g.ring_begin(part));
                for (size_t k = 1; k < line.size(); ++k) best = std::min(best, geo::segment_distance(p, line[k - 1], line[k]));
            }
        return best;
    };
    // A place inside a park with a road 1.6 to 4.9 pixels away, and one right on a road.
    std::optional<geo::Coord> near_road, on_road;
    for (size_t f = 0; f < park_g.size() && !(near_road && on_road); ++f) {
        const geo::PolygonLocator inside(park_g, f);
        const geo::Envelope e = park_g.envelope(f);
        for (double y = e.min_y; y <= e.max_y && !(near_road && on_road); y += 50)
            for (double x = e.min_x; x <= e.max_x; x += 50) {
                if (!inside.contains(x, y)) continue;
                const double d = road_distance({x, y});
                if (!near_road && d > 1.6 * mpp && d < 4.9 * mpp) near_road = geo::Coord{x, y};
                if (!on_road && d < 0.5 * mpp) on_road = geo::Coord{x, y};
            }
    }
    REQUIRE(near_road.has_value());
    REQUIRE(on_road.has_value());
    const auto a = doc->pick(*near_road, mpp);
    REQUIRE(a.has_value());
    CHECK(a->first == parks);
    const auto b = doc->pick(*on_road, mpp);
    REQUIRE(b.has_value());
    CHECK(b->first == roads);
}

TEST_CASE("the attribute table sorts nulls last both ways, ties in their order")
{
    geo::Layer l;
    l.geometry = geo::GeometryColumn(geo::GeomKind::Point);
    l.columns.emplace_back("employees", geo::FieldType::Real);
    l.columns.emplace_back("name", geo::FieldType::String);
    const std::vector<std::optional<double>> v = {30, std::nullopt, 10, 30, std::nullopt, 20};
    const char* names[] = {"丙", "", "甲", "丁", "", "乙"};
    for (size_t i = 0; i < v.size(); ++i) {
        l.geometry.add_point({0, 0});
        l.fids.push_back(static_cast<int64_t>(i + 1));
        v[i] ? l.columns[0].push_real(*v[i]) : l.columns[0].push_null();
        v[i] ? l.columns[1].push_string(names[i]) : l.columns[1].push_null();
    }
    auto order = [&](int column, bool descending) {
        std::vector<uint32_t> rows = {0, 1, 2, 3, 4, 5};
        gui::sort_rows(l, column, descending, rows);
        return rows;
    };
    CHECK(order(1, false) == std::vector<uint32_t>{2, 5, 0, 3, 1, 4});
    CHECK(order(1, true) == std::vector<uint32_t>{0, 3, 5, 2, 1, 4});  // 30, 30 (in order), 20, 10, then the nulls
    CHECK(order(0, true) == std::vector<uint32_t>{5, 4, 3, 2, 1, 0});
    CHECK(order(2, true).back() == 4);
    CHECK(order(2, true)[4] == 1);
}

TEST_CASE("zooming to a selected point keeps its neighbourhood in view (at least 1.5 km across)")
{
    gui::Workspace ws;
    ws.doc = small_document();
    ws.camera.set_viewport(1400, 900);
    const int firms = ws.doc->view_with_role(geo::Role::Enterprises);
    REQUIRE(firms >= 0);
    ws.select(firms, 0, true);
    const geo::Envelope v = ws.camera.visible();
    CHECK(std::min(v.width(), v.height()) >= 1500);
    const geo::Coord p = ws.doc->layer_of(ws.doc->views[static_cast<size_t>(firms)]).data->geometry.first_coord(0);
    CHECK((p.x >= v.min_x && p.x <= v.max_x && p.y >= v.min_y && p.y <= v.max_y));
}

TEST_CASE("labels are placed largest park first, so the biggest park keeps its name at the city view")
{
    const auto doc = gui::build_document(geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json"))), {});
    const int parks = doc->view_with_role(geo::Role::Parks);
    REQUIRE(parks >= 0);
    const gui::LayerView& v = doc->views[static_cast<size_t>(parks)];
    const auto order = doc->label_order(v);
    const auto& g = doc->layer_of(v).data->geometry;
    REQUIRE(order.size() == g.size());
    size_t largest = 0;
    for (size_t i = 1; i < g.size(); ++i)
        if (geo::polygon_area(g, i) > geo::polygon_area(g, largest)) largest = i;
    CHECK(order.front() == largest);
    CHECK(largest != 0);  // in feature order it would not come first: the test can fail
    for (size_t k = 1; k < order.size(); ++k) CHECK(geo::polygon_area(g, order[k - 1]) >= geo::polygon_area(g, order[k]));
}
