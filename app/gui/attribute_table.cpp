// The attribute table of one layer: sortable by any column, filtered by text, usable at a
// million rows (only the visible rows are drawn), its selection in step with the map.
#include <algorithm>
#include <filesystem>
#include <numeric>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "geo/io/layer_writer.h"
#include "gui/panels.h"
#include "gui/table_sort.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"

namespace gui {

namespace {

class AttributeTable : public Panel {
public:
    const char* name() const override { return "table"; }
    void draw(Workspace& ws) override
    {
        if (!begin_panel("Attribute table")) return end_panel();
        if (!ws.doc) return end_panel();
        Document& doc = *ws.doc;
        if (m_doc != &doc) {  // a new document: start on its enterprises (or first) layer
            m_doc = &doc;
            const int e = doc.view_with_role(geo::Role::Enterprises);
            m_layer = doc.views[static_cast<size_t>(e >= 0 ? e : 0)].layer;
            m_dirty = true;
        }
        // The view index of the shown layer (views can be reordered).
        int view = -1;
        for (size_t i = 0; i < doc.views.size(); ++i)
            if (doc.views[i].layer == m_layer) view = static_cast<int>(i);
        if (view < 0) return end_panel();
        const geo::Layer& data = *doc.project.layers[m_layer].data;

        ImGui::SetNextItemWidth(180);
        if (ImGui::BeginCombo("##layer", doc.project.layers[m_layer].config.id.c_str())) {
            for (const LayerView& v : doc.views)
                if (ImGui::Selectable(doc.layer_of(v).config.id.c_str(), v.layer == m_layer)) {
                    m_layer = v.layer;
                    m_dirty = true;
                }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(220);
        // Applied on Enter: a scan of a million rows per keystroke would stall typing.
        if (ImGui::InputTextWithHint("##filter", tr("filter: text in any field, Enter"), &m_filter,
                                     ImGuiInputTextFlags_EnterReturnsTrue))
            m_dirty = true;
        ImGui::SameLine();
        // The selection only (a rectangle, a polygon or an expression on this layer).
        const bool selection_here = !doc.selection.empty() && doc.selection.view == view;
        if (ImGui::Checkbox(tr("Selected only"), &m_selected_only)) m_dirty = true;
        if (m_selected_only && (m_selection_seen != doc.selection.rows || m_selection_row != doc.selection.row)) m_dirty = true;
        ImGui::SameLine();
        ImGui::Checkbox(tr("Edit values"), &m_editing);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Click a value to change it, Enter to keep it (empty: null); Ctrl+Z undoes"));
        if (doc.has_unsaved_attributes(m_layer)) {
            ImGui::SameLine();
            if (ImGui::Button(tr("Save edits..."))) save_edits(ws, m_layer);
            ImGui::SameLine();
            ImGui::Checkbox(tr("then use the copy"), &m_use_copy);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("The project reads the saved copy from now on (its source file stays as it was)"));
        }
        ImGui::SameLine();
        ImGui::Text(tr("%zu of %zu rows"), m_rows.size(), data.size());
        if (!m_edit_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_edit_error.c_str());
        if (m_dirty) {
            m_selection_seen = doc.selection.rows;
            m_selection_row = doc.selection.row;
            rebuild(data, m_selected_only ? (selection_here ? &doc.selection : &m_none) : nullptr);
        }

        const int columns = static_cast<int>(data.columns.size()) + 1;
        const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                      ImGuiTableFlags_Borders | ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable;
        if (columns <= 64 && ImGui::BeginTable("rows", columns, flags)) {
            ImGui::TableSetupScrollFreeze(1, 1);
            ImGui::TableSetupColumn("fid", ImGuiTableColumnFlags_DefaultSort);
            for (const geo::Column& c : data.columns) ImGui::TableSetupColumn(c.name().c_str());
            ImGui::TableHeadersRow();
            if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
                if (specs->SpecsCount > 0) sort(data, specs->Specs[0].ColumnIndex, specs->Specs[0].SortDirection == ImGuiSortDirection_Descending);
                specs->SpecsDirty = false;
            }
            const bool selected_here = doc.selection.view == view;
            const int64_t selected_row = selected_here ? doc.selection.row : -1;
            const Selection* highlight = selected_here ? &doc.selection : nullptr;
            // Map to table: scroll to a feature selected on the map.
            if (selected_row >= 0 && selected_row != m_last_selected) {
                auto it = std::find(m_rows.begin(), m_rows.end(), static_cast<uint32_t>(selected_row));
                if (it != m_rows.end()) ImGui::SetScrollY(static_cast<float>(it - m_rows.begin()) * ImGui::GetTextLineHeightWithSpacing());
            }
            m_last_selected = selected_row;
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(m_rows.size()));
            while (clipper.Step())
                for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                    const size_t row = m_rows[static_cast<size_t>(r)];
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::PushID(static_cast<int>(row));
                    const std::string fid = std::to_string(data.fids[row]);
                    // While editing, a click on a value edits it: the fid alone selects the row.
                    const ImGuiSelectableFlags span = m_editing ? 0 : ImGuiSelectableFlags_SpanAllColumns;
                    if (ImGui::Selectable(fid.c_str(), highlight && highlight->contains(static_cast<uint32_t>(row)),
                                          span | ImGuiSelectableFlags_AllowDoubleClick)) {
                        ws.select(view, static_cast<int64_t>(row), ImGui::IsMouseDoubleClicked(0));
                        m_last_selected = static_cast<int64_t>(row);
                    }
                    for (size_t ci = 0; ci < data.columns.size(); ++ci) {
                        const geo::Column& c = data.columns[ci];
                        ImGui::TableNextColumn();
                        const bool this_cell = m_edit_row == static_cast<int64_t>(row) && m_edit_column == static_cast<int>(ci);
                        if (m_editing && this_cell) {
                            edit_cell(ws, view, row, ci);
                        } else if (m_editing) {
                            ImGui::PushID(static_cast<int>(ci));
                            const std::string shown = c.is_null(row) ? std::string("null") : c.text(row);
                            if (ImGui::Selectable(shown.c_str(), false)) start_edit(row, ci, c);
                            ImGui::PopID();
                        } else if (c.is_null(row)) {
                            ImGui::TextDisabled("null");
                        } else {
                            ImGui::TextUnformatted(c.text(row).c_str());
                        }
                    }
                    ImGui::PopID();
                }
            ImGui::EndTable();
        }
        ImGui::TextDisabled("%s", tr("Click a row to select it on the map; double-click to zoom to it."));
        end_panel();
    }

private:
    void start_edit(size_t row, size_t column, const geo::Column& c)
    {
        m_edit_row = static_cast<int64_t>(row);
        m_edit_column = static_cast<int>(column);
        m_edit_text = c.is_null(row) ? std::string() : c.text(row);
        m_focus = true;
    }

    // The cell being edited: Enter keeps the value (checked against the field's type), Esc or
    // a click elsewhere drops it.
    void edit_cell(Workspace& ws, int view, size_t row, size_t column)
    {
        if (m_focus) ImGui::SetKeyboardFocusHere(), m_focus = false;
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputText("##cell", &m_edit_text, ImGuiInputTextFlags_EnterReturnsTrue)) {
            try {
                ws.edit_attribute(view, row, column, m_edit_text);
                m_edit_error.clear();
                m_dirty = true;  // the filter and sort see the new value
            } catch (const std::exception& e) {
                m_edit_error = e.what();
            }
            m_edit_row = -1;
        } else if (ImGui::IsItemDeactivated()) {
            m_edit_row = -1;
        }
    }

    // The layer with its edits, written to a GeoPackage the planner names (never over its
    // source without being asked: the browser confirms a replacement); then, if chosen, the
    // project reads that copy.
    void save_edits(Workspace& ws, size_t layer)
    {
        const geo::LoadedLayer& l = ws.doc->project.layers[layer];
        FileRequest r;
        r.purpose = FileRequest::Save;
        r.title = tr("Save the edited layer as");
        r.extensions = {".gpkg"};
        std::error_code ec;
        r.start = (std::filesystem::absolute(l.data->source, ec).parent_path() / (l.config.id + "_edited.gpkg")).string();
        const bool use = m_use_copy;
        r.done = [layer, use](Workspace& w, const std::string& path) {
            if (!w.doc || layer >= w.doc->project.layers.size()) return;
            geo::LoadedLayer& target = w.doc->project.layers[layer];
            try {
                geo::WriteOptions o;
                o.overwrite = true;  // the browser asked before replacing
                o.layer_name = target.config.id;
                geo::write_layer(*target.data, w.doc->project.working.crs, path, o);
            } catch (const std::exception& e) {
                w.error(e.what());
                return;
            }
            w.info(geo::printf_text(tr("wrote %zu features of '%s' with their edits to %s"), target.data->size(), target.config.id.c_str(), path.c_str()));
            if (!use) return;
            target.config.source.path = path;  // the project reads the copy (in the working CRS) from now on
            target.config.source.layer = target.config.id;
            target.config.source.srs.clear();
            target.config.source.encoding.clear();
            target.config.source.coords = geo::WebMapCoords::Wgs84;
            w.doc->file_data[layer] = target.data;
            w.info(geo::printf_text(tr("the project now reads '%s' from %s (save the project to keep this)"), target.config.id.c_str(), path.c_str()));
            ++w.edit_version;  // the project changed: the unsaved mark shows
        };
        ws.file_request = std::move(r);
    }

    void rebuild(const geo::Layer& data, const Selection* only)
    {
        m_dirty = false;
        m_rows.clear();
        m_rows.reserve(data.size());
        for (size_t i = 0; i < data.size(); ++i) {
            if (only && !only->contains(static_cast<uint32_t>(i))) continue;
            bool keep = m_filter.empty();
            for (size_t c = 0; c < data.columns.size() && !keep; ++c) {
                const geo::Column& col = data.columns[c];
                if (col.is_null(i)) continue;
                keep = col.type() == geo::FieldType::String ? col.string(i).find(m_filter) != std::string_view::npos
                                                            : col.text(i).find(m_filter) != std::string::npos;
            }
            if (keep) m_rows.push_back(static_cast<uint32_t>(i));
        }
        if (m_sort_column >= 0) sort(data, m_sort_column, m_sort_descending);
    }

    void sort(const geo::Layer& data, int column, bool descending)
    {
        m_sort_column = column;
        m_sort_descending = descending;
        sort_rows(data, column, descending, m_rows);  // nulls last both ways (table_sort.h)
    }

    const Document* m_doc = nullptr;
    size_t m_layer = 0;
    std::string m_filter;
    std::vector<uint32_t> m_rows;
    bool m_dirty = true;
    int m_sort_column = -1;
    bool m_sort_descending = false;
    int64_t m_last_selected = -1;
    bool m_selected_only = false;
    bool m_editing = false, m_focus = false, m_use_copy = true;
    int64_t m_edit_row = -1;
    int m_edit_column = -1;
    std::string m_edit_text, m_edit_error;
    std::vector<uint32_t> m_selection_seen;  // the selection the rows were filtered by
    int64_t m_selection_row = -1;
    const Selection m_none{};
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_table = register_panel({50, "table", true, [] { return std::unique_ptr<Panel>(std::make_unique<AttributeTable>()); }});

}  // namespace gui
