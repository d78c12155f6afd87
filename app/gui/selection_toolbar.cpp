// The selection toolbar, over the map's top-left corner: pick one feature (the default click),
// select by rectangle or polygon, or by an attribute expression, on the active layer; how
// many are selected, Zoom to them and Clear. The attribute table can show the selection only.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "geo/core/error.h"
#include "geo/overlay/feature_filter.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"
#include "gui/panels.h"

namespace gui {

namespace {

class SelectionToolbar : public Panel {
public:
    const char* name() const override { return "selection"; }

    void draw(Workspace& ws) override
    {
        if (!ws.doc || ws.automated) return;  // screenshots show the map and the panels asked for
        const int active = ws.active_view();
        if (active < 0) return;
        ImGui::SetNextWindowPos(ImVec2(ws.map_area[0] + 8, ws.map_area[1] + 8));
        ImGui::SetNextWindowBgAlpha(0.92f);
        ImGui::Begin("##selection", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove);
        tool_button(ws, tr("Pick"), MapTool::Select);
        ImGui::SameLine();
        tool_button(ws, tr("Rectangle"), MapTool::SelectBox);
        ImGui::SameLine();
        tool_button(ws, tr("Polygon"), MapTool::SelectPolygon);
        ImGui::SameLine();
        if (ImGui::Button(tr("Expression..."))) ImGui::OpenPopup("##expression");
        expression_popup(ws, active);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(140);
        const LayerView& av = ws.doc->views[static_cast<size_t>(active)];
        if (ImGui::BeginCombo("##active", ws.doc->layer_of(av).config.id.c_str())) {
            for (const LayerView& v : ws.doc->views)
                if (ImGui::Selectable(ws.doc->layer_of(v).config.id.c_str(), v.layer == av.layer)) ws.active_layer = static_cast<int64_t>(v.layer);
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("The layer the select tools work on"));
        const Selection& sel = ws.doc->selection;
        if (!sel.empty()) {
            ImGui::SameLine();
            ImGui::Text(tr("%zu selected in %s"), sel.count(), ws.doc->layer_of(ws.doc->views[static_cast<size_t>(sel.view)]).config.id.c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Zoom"))) zoom_to_selection(ws);
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("Clear"))) ws.select(-1, -1, false);
        }
        if (ws.map_tool == MapTool::SelectPolygon)
            ImGui::TextDisabled("%s", tr("Click the polygon's corners; double-click, right-click or Enter to finish; Esc to start again."));
        if (ws.map_tool == MapTool::SelectBox) ImGui::TextDisabled("%s", tr("Drag a rectangle; the right button moves the map."));
        ImGui::End();
    }

private:
    void tool_button(Workspace& ws, const char* label, MapTool tool)
    {
        const bool on = ws.map_tool == tool || (tool == MapTool::Select && ws.map_tool == MapTool::Edit);
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(label)) ws.map_tool = tool;  // another panel's tool is put down
        if (on) ImGui::PopStyleColor();
    }

    void expression_popup(Workspace& ws, int active)
    {
        if (!ImGui::BeginPopup("##expression")) return;
        const LayerView& v = ws.doc->views[static_cast<size_t>(active)];
        const geo::LoadedLayer& l = ws.doc->layer_of(v);
        ImGui::Text(tr("Select in %s where:"), l.config.id.c_str());
        ImGui::SetNextItemWidth(460);
        const bool enter = ImGui::InputTextWithHint("##expr", "\"产业集群\" = '化工' AND \"从业人员\" >= 100", &m_expression,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        // The fields, to click into the expression.
        ImGui::TextDisabled("%s", tr("Fields (click to insert):"));
        for (const geo::Column& c : l.data->columns) {
            ImGui::SameLine();
            if (ImGui::SmallButton(c.name().c_str())) m_expression += "\"" + c.name() + "\"";
        }
        if (ImGui::Button(tr("Select")) || enter) {
            try {
                const geo::FeatureFilter filter(m_expression, *l.data, l.config.id);
                const size_t n = ws.select_rows(active, filter.select());
                m_message = geo::printf_text(tr("%zu features match"), n);
                m_error = false;
            } catch (const geo::Error& e) {
                m_message = e.what();
                m_error = true;
            }
        }
        if (!m_message.empty()) {
            if (m_error) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_message.c_str());
            else ImGui::TextUnformatted(m_message.c_str());
        }
        ImGui::EndPopup();
    }

    static void zoom_to_selection(Workspace& ws)
    {
        const Selection& sel = ws.doc->selection;
        const geo::GeometryColumn& g = ws.doc->layer_of(ws.doc->views[static_cast<size_t>(sel.view)]).data->geometry;
        if (sel.rows.empty()) return ws.select(sel.view, sel.row, true);
        geo::Envelope box;
        for (uint32_t f : sel.rows) box.expand(g.envelope(f));
        const double pad = std::max({box.width(), box.height(), 1250.0}) * 0.1;
        ws.zoom_to({box.min_x - pad, box.min_y - pad, box.max_x + pad, box.max_y + pad});
    }

    std::string m_expression, m_message;
    bool m_error = false;
};

}  // namespace

// Registered once: drawn over the map, not in a region (not a --panel choice).
[[maybe_unused]] const bool registered_selection =
    register_panel({5, "selection", false, [] { return std::unique_ptr<Panel>(std::make_unique<SelectionToolbar>()); }});

}  // namespace gui
