// The capacity panel's comparison: every park's capacity and binding factor in the baseline
// beside each scenario's change.
#include "gui/capacity_panel.h"
#include "gui/i18n.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "geo/report/text_format.h"

namespace gui {

void CapacityPanel::comparison(const geo::DisplayUnits& units)
{
    const size_t cols = 3 + (m_runs.size() - 1);
    const float row_h = ImGui::GetTextLineHeightWithSpacing() + 4;
    const float height = row_h * static_cast<float>(std::min<size_t>(m_runs.front().result.parks.size() + 2, 12));
    if (!ImGui::BeginTable("compare", static_cast<int>(cols), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY,
                           ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("Park"));
    ImGui::TableSetupColumn(tr("Capacity (jobs)"));
    ImGui::TableSetupColumn(tr("Binding"));
    for (size_t s = 1; s < m_runs.size(); ++s) ImGui::TableSetupColumn(m_runs[s].scenario.c_str());
    ImGui::TableHeadersRow();
    const auto& base = m_runs.front().result.parks;
    for (size_t p = 0; p < base.size(); ++p) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (ImGui::Selectable(base[p].name.c_str(), p == m_park, ImGuiSelectableFlags_SpanAllColumns)) m_park = p;
        ImGui::TableNextColumn();
        ImGui::Text("%s", geo::grouped(base[p].capacity_jobs).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(factor_names(base[p].binding).c_str());
        for (size_t s = 1; s < m_runs.size(); ++s) {
            ImGui::TableNextColumn();
            if (!evaluated(m_runs[s])) {
                ImGui::TextDisabled("%s", tr("error"));
                continue;
            }
            const auto& pc = m_runs[s].result.parks[p];
            const double d = pc.capacity_jobs - base[p].capacity_jobs;
            const bool moved = pc.binding != base[p].binding;
            if (std::abs(d) < 0.5 && !moved) {
                ImGui::TextDisabled("-");
                continue;
            }
            ImGui::TextColored(d >= 0 ? ImVec4(0.1f, 0.5f, 0.1f, 1) : ImVec4(0.7f, 0.1f, 0.1f, 1), "%s%s%s", geo::signed_grouped(d).c_str(),
                               moved ? tr(", now ") : "", moved ? factor_names(pc.binding).c_str() : "");
        }
    }
    ImGui::EndTable();
    indicator_table(units);
}

}  // namespace gui
