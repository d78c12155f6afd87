#include <doctest/doctest.h>

#include "geo/scenario/edits.h"
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
