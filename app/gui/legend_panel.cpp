// The legend: what each colour on the map means, for the visible layers, exactly as drawn
// (the same classes geo::classify produced for the map).
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
