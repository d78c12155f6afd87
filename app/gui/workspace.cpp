#include "gui/workspace.h"

#include "geo/core/attribute_edit.h"
#include "geo/overlay/spatial_select.h"
#include "geo/project/settings_reader.h"

#include <functional>
#include <optional>

#include <algorithm>

namespace gui {

void Workspace::select(int view, int64_t row, bool zoom)
{
    if (!doc) return;
    doc->selection = {view, row};
    if (zoom && view >= 0 && row >= 0) {
        const auto& g = doc->layer_of(doc->views[static_cast<size_t>(view)]).data->geometry;
        geo::Envelope box = g.envelope(static_cast<size_t>(row));
        // At least about 1.5 km across: a point's neighbourhood (a block of the park) stays in view.
        const double pad = std::max({box.width(), box.height(), 1250.0}) * 0.6;
        box = {box.min_x - pad, box.min_y - pad, box.max_x + pad, box.max_y + pad};
        zoom_to(box);
    }
}

size_t Workspace::select_rows(int view, std::vector<uint32_t> rows)
{
    if (!doc) return 0;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (view < 0 || rows.empty()) {
        doc->selection = {};
        return 0;
    }
    doc->selection = {view, static_cast<int64_t>(rows.front()), rows.size() > 1 ? std::move(rows) : std::vector<uint32_t>{}};
    return doc->selection.count();
}

std::filesystem::path Workspace::project_folder() const
{
    std::error_code ec;
    return project_path.empty() ? std::filesystem::current_path(ec) : std::filesystem::absolute(project_path, ec).parent_path();
}

int Workspace::active_view() const
{
    if (!doc) return -1;
    for (size_t i = 0; i < doc->views.size(); ++i)
        if (static_cast<int64_t>(doc->views[i].layer) == active_layer) return static_cast<int>(i);
    return doc->view_with_role(geo::Role::Enterprises);
}

size_t Workspace::select_in_area(const std::vector<geo::Coord>& ring)
{
    const int view = active_view();
    if (view < 0) return 0;
    const LayerView& v = doc->views[static_cast<size_t>(view)];
    return select_rows(view, geo::select_in_area(doc->layer_of(v).data->geometry, v.index, ring));
}

void Workspace::edit_attribute(int view, size_t row, size_t column, const std::string& text)
{
    if (!doc || view < 0) return;
    const size_t layer = doc->views[static_cast<size_t>(view)].layer;
    const std::shared_ptr<const geo::Layer> before = doc->project.layers[layer].data;
    const geo::Column& c = before->columns.at(column);
    const std::string old = c.is_null(row) ? std::string("null") : c.text(row);
    if (!c.is_null(row) && c.text(row) == text) return;  // no change
    auto after = std::make_shared<geo::Layer>(geo::with_value(*before, column, row, text));
    const Document* at = doc.get();
    auto put = [at, layer](Workspace& w, const std::shared_ptr<const geo::Layer>& data) {
        if (w.doc.get() != at) return;  // another project since
        w.doc->project.layers[layer].data = data;
        for (LayerView& v : w.doc->views)
            if (v.layer == layer) v.colours_dirty = true;  // a categorised field may have changed
        compute_park_stats(*w.doc);
    };
    put(*this, after);
    const std::string label = doc->project.layers[layer].config.id + " fid " + std::to_string(before->fids[row]) + " " + c.name() + ": " + old +
                              " → " + (text.empty() ? std::string("null") : text);
    push_edit({label, [put, before](Workspace& w) { put(w, before); }, [put, after](Workspace& w) { put(w, after); }});
}

void Workspace::zoom_to(const geo::Envelope& box) { camera.fit(box, 0.05); }

void Workspace::zoom_to_all()
{
    if (doc) camera.fit(doc->extent, 0.03);
}

void Workspace::add_or_replace_computed(geo::LoadedLayer layer, LayerView view)
{
    if (!doc) return;
    append_layer_codepoints(layer, glyphs_wanted);
    for (size_t i = 0; i < doc->project.layers.size(); ++i) {
        if (doc->project.layers[i].config.id != layer.config.id) continue;
        doc->project.layers[i] = std::move(layer);
        for (LayerView& v : doc->views)
            if (v.layer == i) {
                view.layer = i;
                view.style.visible = v.style.visible;
                v = std::move(view);  // not uploaded yet: the GPU copy is rebuilt
            }
        committed = snapshot();
        return;
    }
    doc->project.layers.push_back(std::move(layer));
    view.layer = doc->project.layers.size() - 1;
    doc->views.push_back(std::move(view));
    committed = snapshot();
}

StyleSnapshot Workspace::snapshot() const
{
    StyleSnapshot s;
    if (!doc) return s;
    for (const LayerView& v : doc->views) {
        s.order.push_back(v.layer);
        geo::LayerStyle style = v.style;
        style.categories.clear();  // derived from the data, not part of the edit
        style.grad_classes.clear();
        s.styles.push_back(style);
    }
    return s;
}

void Workspace::restore(const StyleSnapshot& s)
{
    if (!doc || s.order.size() != doc->views.size()) return;
    std::vector<LayerView> reordered;
    for (size_t i = 0; i < s.order.size(); ++i) {
        auto it = std::find_if(doc->views.begin(), doc->views.end(), [&](const LayerView& v) { return v.layer == s.order[i]; });
        if (it == doc->views.end()) return;
        reordered.push_back(std::move(*it));
        reordered.back().style = s.styles[i];
        reordered.back().colours_dirty = true;
    }
    doc->views = std::move(reordered);
    doc->selection = {};
    committed = s;
}

void Workspace::commit_edits()
{
    const StyleSnapshot now = snapshot();
    if (now == committed) return;
    const StyleSnapshot before = committed;
    committed = now;
    push_edit({"style or layer order", [before](Workspace& ws) { ws.restore(before); }, [now](Workspace& ws) { ws.restore(now); }});
}

bool Workspace::unsaved() const
{
    if (!doc) return false;
    return edit_version != saved_version || std::hash<std::string>{}(doc->project.project.extra.dump()) != saved_extra_hash;
}

void Workspace::mark_saved()
{
    saved_version = edit_version;
    saved_extra_hash = doc ? std::hash<std::string>{}(doc->project.project.extra.dump()) : 0;
}

void Workspace::push_edit(UndoEntry entry)
{
    ++edit_version;
    undo.push_back(std::move(entry));
    if (undo.size() > 200) undo.erase(undo.begin());
    redo.clear();
}

void Workspace::undo_edit()
{
    if (undo.empty()) return;
    commit_edits();  // a style change not yet recorded is recorded first, so it is what goes
    UndoEntry e = std::move(undo.back());
    undo.pop_back();
    e.undo(*this);
    ++edit_version;
    redo.push_back(std::move(e));
}

void Workspace::redo_edit()
{
    if (redo.empty()) return;
    UndoEntry e = std::move(redo.back());
    redo.pop_back();
    e.redo(*this);
    ++edit_version;
    undo.push_back(std::move(e));
}

void Workspace::store_scenario_undoable(const geo::Scenario& after, const std::string& label)
{
    if (!doc) return;
    std::optional<geo::Scenario> before;
    for (const geo::Scenario& s : geo::read_scenarios(doc->project.project))
        if (s.name == after.name) before = s;
    geo::store_scenario(doc->project.project, after);
    const Document* at = doc.get();
    const std::string name = after.name;
    auto put = [at, name](Workspace& w, const std::optional<geo::Scenario>& s) {
        if (w.doc.get() != at) return;  // another project since
        geo::store_scenario(w.doc->project.project, s ? *s : geo::Scenario{name, {}, {}});
    };
    push_edit({label, [put, before](Workspace& w) { put(w, before); }, [put, after](Workspace& w) { put(w, after); }});
}

void Workspace::set_units(const geo::DisplayUnits& units, const std::string& label)
{
    if (!doc || doc->units == units) return;
    const Document* at = doc.get();
    auto put = [at](Workspace& w, const geo::DisplayUnits& u) {
        if (w.doc.get() != at) return;  // another project since
        w.doc->units = u;
        geo::store_settings(w.doc->project.project, "units", geo::to_json(u));  // saved with the project
    };
    const geo::DisplayUnits before = doc->units;
    put(*this, units);
    push_edit({label, [put, before](Workspace& w) { put(w, before); }, [put, units](Workspace& w) { put(w, units); }});
}

}  // namespace gui
