#include "gui/park_summary_panel.h"
#include "gui/i18n.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include <imgui.h>

namespace gui {

namespace {

// The colour each value has on the map: the categories of the enterprises' style (whatever
// field it is categorised by); a value the map does not colour gets one neutral blue, never a
// colour by rank that would mean another category on the map.
std::map<std::string, geo::Rgba> map_colours(const Workspace& ws)
{
    std::map<std::string, geo::Rgba> out;
    const int ev = ws.doc->view_with_role(geo::Role::Enterprises);
    if (ev < 0) return out;
    const geo::LayerStyle& style = ws.doc->views[static_cast<size_t>(ev)].style;
    if (style.mode == geo::StyleMode::Categorized)
        for (const geo::Category& c : style.categories) out.emplace(c.value, geo::with_alpha(c.colour, 255));
    return out;
}

// Horizontal bars with their labels and values, longest first, in the map's colours.
void bar_chart(const char* id, const std::vector<CountRow>& rows, bool employees, const std::map<std::string, geo::Rgba>& colours,
               const char* term_kind)
{
    double top = 0;
    for (const CountRow& r : rows) top = std::max(top, employees ? r.employees : static_cast<double>(r.count));
    if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, 70);
    for (size_t i = 0; i < rows.size(); ++i) {
        const CountRow& r = rows[i];
        const double value = employees ? r.employees : static_cast<double>(r.count);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(term(term_kind, r.label).c_str());
        ImGui::TableNextColumn();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x * static_cast<float>(top > 0 ? value / top : 0);
        const auto c = colours.find(r.label);
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + ImGui::GetTextLineHeight()),
                                                  c != colours.end() ? c->second : geo::rgba(70, 130, 190));
        ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight()));
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", value);
    }
    ImGui::EndTable();
}

}  // namespace

void ParkSummaryPanel::draw(Workspace& ws)
{
    if (!begin_panel("Park summary")) return end_panel();
    if (!ws.doc || ws.doc->park_stats.empty()) {
        ImGui::TextDisabled("%s", tr("The project needs a parks layer and an enterprises layer."));
        return end_panel();
    }
    const auto& stats = ws.doc->park_stats;
    m_park = std::min(m_park, stats.size() - 1);
    if (ImGui::BeginCombo(tr("Park"), stats[m_park].name.c_str())) {
        for (size_t i = 0; i < stats.size(); ++i)
            if (ImGui::Selectable(stats[i].name.c_str(), i == m_park)) m_park = i;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const int pv = ws.doc->view_with_role(geo::Role::Parks);
    if (ImGui::SmallButton(tr("Zoom"))) {
        ws.select(pv, static_cast<int64_t>(stats[m_park].feature), true);
    }
    const ParkStats& s = stats[m_park];
    ImGui::Text(tr("Area %s   enterprises %lld   employees %.0f"), geo::format_area(s.area_km2 * 1e6, ws.doc->units.area, language()).c_str(),
                static_cast<long long>(s.enterprises), s.employees);
    if (s.area_km2 > 0) ImGui::TextDisabled(tr("%.1f enterprises and %.0f employees per km²"), s.enterprises / s.area_km2, s.employees / s.area_km2);
    if (ws.doc->parks) ImGui::TextDisabled(tr("%lld enterprises lie outside every park"), static_cast<long long>(ws.doc->parks->outside));
    ImGui::Checkbox(tr("Bars by employees"), &m_by_employees);
    ImGui::Separator();
    ImGui::TextUnformatted(tr("By cluster"));
    const auto colours = map_colours(ws);
    bar_chart("clusters", s.by_cluster, m_by_employees, colours, "cluster");
    ImGui::Separator();
    ImGui::TextUnformatted(tr("By tier"));
    bar_chart("tiers", s.by_tier, m_by_employees, colours, "tier");
    end_panel();
}

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_park = register_panel({40, "park", true, [] { return std::unique_ptr<Panel>(std::make_unique<ParkSummaryPanel>()); }});

}  // namespace gui
