// Identify: every attribute of the selected feature, with its field meaning where bound.
#include <imgui.h>

#include "geo/project/roles.h"
#include "gui/panels.h"
#include "gui/i18n.h"

namespace gui {

namespace {

class IdentifyPanel : public Panel {
public:
    const char* name() const override { return "identify"; }
    void draw(Workspace& ws) override
    {
        if (!begin_panel("Identify")) return end_panel();
        if (!ws.doc || ws.doc->selection.empty()) {
            ImGui::TextDisabled("%s", tr("Click a feature on the map or a row in a table."));
            return end_panel();
        }
        const Selection sel = ws.doc->selection;
        const LayerView& v = ws.doc->views[static_cast<size_t>(sel.view)];
        const geo::LoadedLayer& l = ws.doc->layer_of(v);
        const size_t row = static_cast<size_t>(sel.row);
        ImGui::Text("%s", ws.doc->feature_name(v, row).c_str());
        ImGui::TextDisabled(tr("layer '%s', fid %lld"), l.config.id.c_str(), static_cast<long long>(l.data->fids[row]));
        if (ImGui::SmallButton(tr("Zoom to feature"))) ws.select(sel.view, sel.row, true);
        if (l.data->geometry.kind() == geo::GeomKind::Polygon)
            ImGui::Text(tr("Area: %s"), geo::format_area(geo::polygon_area(l.data->geometry, row), ws.doc->units.area, language()).c_str());
        if (ImGui::BeginTable("attrs", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_Resizable)) {
            ImGui::TableSetupColumn(tr("Field"));
            ImGui::TableSetupColumn(tr("Value"));
            ImGui::TableSetupColumn(tr("Meaning"));
            ImGui::TableHeadersRow();
            for (const geo::Column& c : l.data->columns) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(c.name().c_str());
                // The field's meaning, and the unit its values read in (建筑面积 in m², 工业产值 in 万元).
                const geo::FieldBinding* bound = nullptr;
                for (const geo::FieldBinding& b : l.fields.bindings)
                    if (b.field == c.name()) bound = &b;
                const geo::Meaning* meaning = bound ? geo::find_meaning(l.config.role, bound->meaning) : nullptr;
                ImGui::TableNextColumn();
                if (c.is_null(row)) ImGui::TextDisabled("null");
                else if (meaning && !meaning->unit.empty()) ImGui::Text("%s %s", c.text(row).c_str(), meaning->unit.c_str());
                else ImGui::TextUnformatted(c.text(row).c_str());
                ImGui::TableNextColumn();
                if (bound) ImGui::TextDisabled("%s", term("meaning", bound->meaning).c_str());
            }
            ImGui::EndTable();
        }
        end_panel();
    }
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_identify = register_panel({30, "identify", true, [] { return std::unique_ptr<Panel>(std::make_unique<IdentifyPanel>()); }});

}  // namespace gui
