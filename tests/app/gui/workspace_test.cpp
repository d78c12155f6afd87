#include <doctest/doctest.h>

#include "gui/workspace.h"
#include "test_support.h"

namespace {

std::unique_ptr<gui::Document> small_document()
{
    geo::LoadedProject p = geo::load_project(geo::read_project(test::data("small.parkcap.json")));
    return gui::build_document(std::move(p), {});
}

}  // namespace

TEST_CASE("undo and redo step through style and order edits; unchanged frames add nothing")
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
