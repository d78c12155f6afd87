// Layers: visibility, draw order, opacity, zoom to layer, and the style editor of the
// selected layer. Every change here is an undoable edit (Workspace::commit_edits).
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "gui/basemap_view.h"
#include "gui/panels.h"
#include "gui/i18n.h"

namespace gui {

namespace {

ImVec4 to_float(geo::Rgba c)
{
    return ImVec4((c & 0xFF) / 255.f, ((c >> 8) & 0xFF) / 255.f, ((c >> 16) & 0xFF) / 255.f, (c >> 24) / 255.f);
}

geo::Rgba from_float(const ImVec4& v)
{
    auto b = [](float f) { return static_cast<uint8_t>(std::lround(std::clamp(f, 0.f, 1.f) * 255)); };
    return geo::rgba(b(v.x), b(v.y), b(v.z), b(v.w));
}

bool colour_edit(const char* label, geo::Rgba& c)
{
    ImVec4 f = to_float(c);
    if (!ImGui::ColorEdit4(label, &f.x, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) return false;
    c = from_float(f);
    return true;
}

bool field_combo(const char* label, const geo::Layer& layer, std::string& field, bool numeric_only)
{
    bool changed = false;
    if (ImGui::BeginCombo(label, field.empty() ? "(none)" : field.c_str())) {
        if (ImGui::Selectable(tr("(none)"), field.empty())) {
            field.clear();
            changed = true;
        }
        for (const geo::Column& c : layer.columns) {
            if (numeric_only && !c.is_numeric()) continue;
            if (ImGui::Selectable(c.name().c_str(), c.name() == field)) {
                field = c.name();
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

class LayersPanel : public Panel {
public:
    const char* name() const override { return "layers"; }
    void draw(Workspace& ws) override
    {
        if (!begin_panel("Layers")) return end_panel();
        if (!ws.doc) {
            ImGui::TextDisabled("%s", tr("No project open."));
            return end_panel();
        }
        auto& views = ws.doc->views;
        // Listed top (drawn last) to bottom, as in QGIS.
        for (int i = static_cast<int>(views.size()) - 1; i >= 0; --i) {
            LayerView& v = views[static_cast<size_t>(i)];
            const geo::LoadedLayer& l = ws.doc->layer_of(v);
            ImGui::PushID(static_cast<int>(v.layer));
            ImGui::Checkbox("##visible", &v.style.visible);
            ImGui::SameLine();
            const std::string label = l.config.id + "  (" + term("role", geo::to_string(l.config.role)) + ", " +
                                      std::to_string(l.data->size()) + ")";
            // The name takes the width the two arrow buttons leave.
            const float arrows = 2 * ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().ItemSpacing.x;
            const float width = std::max(60.0f, ImGui::GetContentRegionAvail().x - arrows);
            if (ImGui::Selectable(label.c_str(), m_selected == v.layer, 0, ImVec2(width, 0))) {
                m_selected = v.layer;
                ws.active_layer = static_cast<int64_t>(v.layer);  // the select tools work on it
            }
            ImGui::SameLine();
            if (ImGui::ArrowButton("##up", ImGuiDir_Up) && i + 1 < static_cast<int>(views.size()))
                std::swap(views[static_cast<size_t>(i)], views[static_cast<size_t>(i) + 1]);
            ImGui::SameLine();
            if (ImGui::ArrowButton("##down", ImGuiDir_Down) && i > 0)
                std::swap(views[static_cast<size_t>(i)], views[static_cast<size_t>(i) - 1]);
            ImGui::PopID();
        }
        basemap_editor(ws, m_basemap_fields);  // the bottom layer, as in QGIS
        ImGui::Separator();
        for (LayerView& v : views)
            if (v.layer == m_selected) style_editor(ws, v);
        end_panel();
    }

private:
    void style_editor(Workspace& ws, LayerView& v)
    {
        const geo::LoadedLayer& l = ws.doc->layer_of(v);
        geo::LayerStyle& s = v.style;
        const geo::LayerStyle before = s;
        ImGui::Text(tr("Style of '%s'"), l.config.id.c_str());
        if (ImGui::Button(tr("Zoom to layer"))) ws.zoom_to(l.data->geometry.envelope());
        ImGui::SliderFloat(tr("Opacity"), &s.opacity, 0.f, 1.f, "%.2f");
        int mode = static_cast<int>(s.mode);
        ImGui::RadioButton(tr("Single"), &mode, 0);
        ImGui::SameLine();
        ImGui::RadioButton(tr("Categorised"), &mode, 1);
        ImGui::SameLine();
        ImGui::RadioButton(tr("Graduated"), &mode, 2);
        s.mode = static_cast<geo::StyleMode>(mode);
        if (s.mode == geo::StyleMode::Single) colour_edit(tr("Colour"), s.fill);
        if (s.mode != geo::StyleMode::Single)
            field_combo(tr("Field"), *l.data, s.field, s.mode == geo::StyleMode::Graduated);
        if (s.mode == geo::StyleMode::Graduated) {
            int ramp = static_cast<int>(s.ramp);
            ImGui::Combo(tr("Ramp"), &ramp, tr_items({"viridis", "magma", "blues", "orange-red", "blue-red", "yellow-brown"}).c_str());
            s.ramp = static_cast<geo::Ramp>(ramp);
            int breaks = static_cast<int>(s.breaks);
            ImGui::Combo(tr("Breaks"), &breaks, tr_items({"quantile", "equal interval"}).c_str());
            s.breaks = static_cast<geo::Breaks>(breaks);
            ImGui::SliderInt(tr("Classes"), &s.classes, 2, 9);
        }
        const geo::GeomKind kind = l.data->geometry.kind();
        if (kind != geo::GeomKind::Line) colour_edit(tr("Outline"), s.stroke);
        if (kind != geo::GeomKind::Point) ImGui::SliderFloat(tr("Line width px"), &s.stroke_width_px, 0.f, 8.f, "%.1f");
        if (kind == geo::GeomKind::Point) ImGui::SliderFloat(tr("Point size px"), &s.point_size_px, 1.f, 24.f, "%.0f");
        field_combo(tr("Labels"), *l.data, s.label_field, false);
        // Colours are recomputed only when what they depend on changed.
        if (s.mode != before.mode || s.field != before.field || s.fill != before.fill || s.ramp != before.ramp ||
            s.breaks != before.breaks || s.classes != before.classes || s.stroke != before.stroke)
            v.colours_dirty = true;
    }

    size_t m_selected = 0;
    BasemapFields m_basemap_fields;
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_layers = register_panel({10, "layers", true, [] { return std::unique_ptr<Panel>(std::make_unique<LayersPanel>()); }});

}  // namespace gui
