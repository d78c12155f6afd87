// The legend: what each colour on the map means, for the visible layers, exactly as drawn
// (the same classes geo::classify produced for the map).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "gui/i18n.h"
#include "gui/panels.h"

namespace gui {

namespace {

void swatch(geo::Rgba c, bool line)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float s = ImGui::GetTextLineHeight();
    if (line) dl->AddLine(ImVec2(p.x, p.y + s / 2), ImVec2(p.x + s * 1.4f, p.y + s / 2), c | 0xFF000000u, 3);
    else dl->AddRectFilled(ImVec2(p.x, p.y + 1), ImVec2(p.x + s * 1.4f, p.y + s - 1), c | 0xFF000000u);
    ImGui::Dummy(ImVec2(s * 1.4f, s));
    ImGui::SameLine();
}

// The bins' ramp from 1 point to the fullest cell, as the map draws it (square-root scale).
void ramp_bar(uint32_t max_count)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = 160, h = ImGui::GetTextLineHeight();
    const int steps = 32;
    for (int i = 0; i < steps; ++i) {
        const uint32_t count = std::max<uint32_t>(1, static_cast<uint32_t>(std::lround(max_count * std::pow((i + 0.5) / steps, 2.0))));
        dl->AddRectFilled(ImVec2(p.x + w * i / steps, p.y), ImVec2(p.x + w * (i + 1) / steps, p.y + h),
                          geo::with_alpha(geo::bin_colour(count, max_count), 255));
    }
    ImGui::Dummy(ImVec2(w, h));
    ImGui::Text("1 – %u", max_count);
}

class LegendPanel : public Panel {
public:
    const char* name() const override { return "legend"; }
    void draw(Workspace& ws) override
    {
        if (!begin_panel("Legend")) return end_panel();
        if (!ws.doc) return end_panel();
        for (auto it = ws.doc->views.rbegin(); it != ws.doc->views.rend(); ++it) {
            const LayerView& v = *it;
            if (!v.style.visible) continue;
            const geo::LoadedLayer& l = ws.doc->layer_of(v);
            const bool line = l.data->geometry.kind() == geo::GeomKind::Line;
            if (v.bins) {  // drawn as bins at this zoom (geo/style/point_aggregation)
                ImGui::Text(tr("%s: points per cell (zoom in to see each)"), l.config.id.c_str());
                ImGui::Indent();
                ramp_bar(v.bins_max);
                ImGui::Unindent();
                continue;
            }
            if (v.style.mode == geo::StyleMode::Single || (v.style.categories.empty() && v.style.grad_classes.empty())) {
                swatch(v.style.fill, line);
                ImGui::TextUnformatted(l.config.id.c_str());
                continue;
            }
            ImGui::Text("%s: %s", l.config.id.c_str(), v.style.field.c_str());
            ImGui::Indent();
            for (const geo::Category& c : v.style.categories) {
                swatch(c.colour, line);
                const std::string shown = c.value.empty() ? tr("(no value)") : category_name(v.style.field, c.value);
                ImGui::Text("%s (%lld)", shown.c_str(), static_cast<long long>(c.count));
            }
            for (const geo::GradClass& c : v.style.grad_classes) {
                swatch(c.colour, line);
                ImGui::Text("%.4g – %.4g (%lld)", c.lower, c.upper, static_cast<long long>(c.count));
            }
            ImGui::Unindent();
        }
        end_panel();
    }
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_legend = register_panel({20, "legend", true, [] { return std::unique_ptr<Panel>(std::make_unique<LegendPanel>()); }});

}  // namespace gui
