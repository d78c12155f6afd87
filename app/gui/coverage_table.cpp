// The coverage panel's tables: coverage by type for the study area or one park, and by cluster
// and by tier, all through geo::coverage_summary as `parkcap coverage` writes them.
#include "gui/coverage_panel.h"
#include "geo/io/crs.h"
#include "gui/i18n.h"

#include <algorithm>

#include <imgui.h>

#include "geo/report/coverage_outputs.h"

namespace gui {

const geo::Column* CoveragePanel::employees_column(const Workspace& ws) const
{
    const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
    const std::string* f = firms.fields.field_for("employees");
    return f ? firms.data->column(*f) : nullptr;
}

const std::vector<CoveragePanel::Row>& CoveragePanel::rows(const Workspace& ws)
{
    std::string radii_key;
    for (const auto& t : m_state->types())
        for (double r : t.radii_m) radii_key += std::to_string(r) + ",";
    radii_key += m_net ? "net" : "";
    if (m_rows_version == m_version && m_rows_area == m_area && m_rows_radii == radii_key) return m_rows;
    m_rows_version = m_version;
    m_rows_area = m_area;
    m_rows_radii = radii_key;
    m_rows.clear();
    // The command's summary (geo::coverage_summary) over one group: the chosen area.
    const std::vector<int32_t>* zone = ws.doc->parks ? &ws.doc->parks->zone_of : nullptr;
    std::vector<int32_t> area(m_jobs.size(), 0);
    for (size_t e = 0; e < area.size(); ++e)
        if (m_area >= 0 && !(zone && (*zone)[e] == m_area)) area[e] = -1;
    const geo::Column* employees = employees_column(ws);
    const auto now = geo::coverage_summary(m_state->result(), area, {"area"}, employees);
    const auto base = geo::coverage_summary(m_base->result(), area, {"area"}, employees);
    const auto road = m_net ? geo::coverage_summary(m_net->result(), area, {"area"}, employees) : std::vector<geo::CoverageRow>{};
    size_t k = 0;
    const auto& types = m_state->types();
    for (size_t t = 0; t < types.size(); ++t)
        for (double r : types[t].radii_m) {
            const geo::CoverageRow& n = now[k];
            m_rows.push_back({t, r, static_cast<size_t>(n.covered), static_cast<size_t>(base[k].covered), static_cast<size_t>(n.enterprises),
                              n.employees_covered, n.employees, m_net ? static_cast<size_t>(road[k].covered) : 0});
            ++k;
        }
    return m_rows;
}

void CoveragePanel::results(Workspace& ws)
{
    const auto& types = m_state->types();
    const auto& parks = ws.doc->park_stats;
    const char* area_name = m_area < 0 || static_cast<size_t>(m_area) >= parks.size() ? tr("the whole study area") : parks[static_cast<size_t>(m_area)].name.c_str();
    if (ImGui::BeginCombo(tr("Scope"), area_name)) {
        if (ImGui::Selectable(tr("the whole study area"), m_area < 0)) m_area = -1;
        for (size_t p = 0; p < parks.size(); ++p)
            if (ImGui::Selectable(parks[p].name.c_str(), m_area == static_cast<int32_t>(p))) m_area = static_cast<int32_t>(p);
        ImGui::EndCombo();
    }
    if (m_jobs.empty()) {
        ImGui::TextDisabled("%s", tr("The enterprises need an employees field for this table."));
        return;
    }
    if (!ImGui::BeginTable("cov", m_net ? 6 : 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn(tr("Type"));
    ImGui::TableSetupColumn(tr("Radius"));
    ImGui::TableSetupColumn(tr("Covered"));
    ImGui::TableSetupColumn(tr("Employees"));
    ImGui::TableSetupColumn(tr("Change"));
    if (m_net) ImGui::TableSetupColumn(tr("By road"));
    ImGui::TableHeadersRow();
    for (const Row& r : rows(ws)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(r.type * 100 + static_cast<size_t>(r.radius) % 100));
        if (ImGui::Selectable(facility_name(types[r.type].code, types[r.type].name_zh).c_str(), m_shown == r.type, ImGuiSelectableFlags_SpanAllColumns))
            m_shown = r.type;
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::Text("%.0f m", r.radius);
        ImGui::TableNextColumn();
        ImGui::Text(tr("%zu of %zu"), r.covered, r.enterprises);
        ImGui::TableNextColumn();
        if (r.total_jobs > 0) ImGui::Text("%.1f%%", 100 * r.jobs / r.total_jobs);
        ImGui::TableNextColumn();
        if (r.covered != r.base_covered)
            ImGui::TextColored(r.covered > r.base_covered ? ImVec4(0.1f, 0.5f, 0.1f, 1) : ImVec4(0.7f, 0.1f, 0.1f, 1), "%+lld",
                               static_cast<long long>(r.covered) - static_cast<long long>(r.base_covered));
        if (m_net) {
            ImGui::TableNextColumn();
            ImGui::Text("%zu", r.by_road);
        }
    }
    ImGui::EndTable();
    ImGui::TextDisabled("%s", tr("Red dots on the map: enterprises not covered by the selected type."));
    if (ImGui::Button(tr("Suggest a site"))) suggest(ws);
    ImGui::SameLine();
    if (ImGui::Button(tr("Draw gap areas"))) draw_gaps(ws);
    if (m_suggestion && m_suggestion_version == m_version && m_suggestion_type == m_shown) {
        ImGui::TextWrapped(tr("A new %s at the blue mark would cover %lld more enterprises (%.0f employees)."),
                           facility_name(types[m_shown].code, types[m_shown].name_zh).c_str(), static_cast<long long>(m_suggestion->enterprises),
                           m_suggestion->employees);
        // Where, in numbers a planner can pass on: the working CRS and longitude/latitude.
        geo::Coord ll = m_suggestion->at;
        geo::Transformer(ws.doc->project.working.crs, geo::wgs84()).transform(std::span<geo::Coord>(&ll, 1));
        ImGui::TextDisabled("%s x %.0f  y %.0f   |   %.6f°E %.6f°N", ws.doc->project.working.crs.code().c_str(), m_suggestion->at.x,
                            m_suggestion->at.y, ll.x, ll.y);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Zoom"))) {
            const double r = 1500;
            ws.zoom_to({m_suggestion->at.x - r, m_suggestion->at.y - r, m_suggestion->at.x + r, m_suggestion->at.y + r});
        }
        if (const auto area = ws.doc->constraint_at(m_suggestion->at))
            ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), tr("It lies inside the constraint area '%s'."), area->c_str());
    }
    if (!m_gaps_note.empty()) ImGui::TextDisabled("%s", m_gaps_note.c_str());
}

void CoveragePanel::breakdown_table(Workspace& ws, const char* meaning, const char* label)
{
    const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
    const std::string* field = firms.fields.field_for(meaning);
    if (!field) {
        ImGui::TextDisabled(tr("No field is bound to the %s."), meaning);
        return;
    }
    const size_t t = std::min(m_shown, m_state->types().size() - 1);
    const double radius = m_state->types()[t].radii_m.back();
    // The command's grouping and summary (geo/report/coverage_outputs), for the chosen area.
    const std::string key = std::string(meaning) + "|" + std::to_string(m_version) + "|" + std::to_string(m_area) + "|" +
                            std::to_string(t) + "|" + std::to_string(radius);
    auto& cache = m_breakdowns[meaning];
    if (cache.key != key) {
        geo::Grouping g = geo::category_grouping(firms, meaning);
        const std::vector<int32_t>* zone = ws.doc->parks ? &ws.doc->parks->zone_of : nullptr;
        for (size_t e = 0; e < g.group_of.size(); ++e)
            if (m_area >= 0 && !(zone && (*zone)[e] == m_area)) g.group_of[e] = -1;
        cache.key = key;
        cache.rows.clear();
        for (const geo::CoverageRow& row : geo::coverage_summary(m_state->result(), g.group_of, g.names, employees_column(ws)))
            if (row.type == m_state->types()[t].code && row.radius_m == radius && row.enterprises > 0) cache.rows.push_back(row);
        std::sort(cache.rows.begin(), cache.rows.end(), [](const auto& a, const auto& b) { return a.group < b.group; });
    }
    ImGui::PushID(meaning);
    if (ImGui::BeginTable("breakdown", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(tr(label));
        ImGui::TableSetupColumn(tr("Covered"));
        ImGui::TableSetupColumn(tr("Share"));
        ImGui::TableSetupColumn(tr("Employees"));
        ImGui::TableHeadersRow();
        for (const geo::CoverageRow& g : cache.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(g.group == "(none)" ? tr("(none)") : g.group.c_str());  // the engine's word for an empty value
            ImGui::TableNextColumn();
            ImGui::Text(tr("%lld of %lld"), static_cast<long long>(g.covered), static_cast<long long>(g.enterprises));
            ImGui::TableNextColumn();
            ImGui::Text("%.1f%%", g.enterprises ? 100.0 * static_cast<double>(g.covered) / static_cast<double>(g.enterprises) : 0.0);
            ImGui::TableNextColumn();
            if (g.employees > 0) ImGui::Text("%.1f%%", 100 * g.employees_covered / g.employees);
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

}  // namespace gui
