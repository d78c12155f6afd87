// The capacity panel's dashboard: a bar per limiting factor against today's jobs (the
// binding one in red), the planners' indicators, and the standards-compliance map.
#include "gui/capacity_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include <imgui.h>

#include "geo/capacity/compliance.h"
#include "geo/report/capacity_outputs.h"
#include "geo/report/text_format.h"

#include "gui/panels.h"
#include "gui/i18n.h"

namespace gui {

void CapacityPanel::dashboard(Workspace& ws)
{
    const geo::CapacityRun& r = run();
    if (!evaluated(r)) {
        ImGui::TextDisabled("%s", m_busy || m_dirty ? tr("evaluating...") : tr("This scenario could not be evaluated (see the message above)."));
        return;
    }
    const geo::ParkCapacity& pc = r.result.parks[m_park];
    double top = pc.jobs;
    for (const auto& f : pc.factors)
        if (f.given && std::isfinite(f.jobs_supported)) top = std::max(top, f.jobs_supported);
    top *= 1.05;
    ImGui::Text(tr("Capacity %s jobs, %s today: headroom %s. Binding: %s"), geo::grouped(pc.capacity_jobs).c_str(), geo::grouped(pc.jobs).c_str(),
                geo::signed_grouped(pc.headroom_jobs).c_str(), factor_names(pc.binding).c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float label_w = 150, bar_w = std::max(120.0f, ImGui::GetContentRegionAvail().x - label_w - 170), h = ImGui::GetTextLineHeight();
    for (const auto& f : pc.factors) {
        ImGui::TextUnformatted(term("factor", f.factor).c_str());
        ImGui::SameLine(label_w);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), IM_COL32(225, 225, 225, 255));
        if (f.given) {
            const float w = static_cast<float>(std::clamp(std::max(f.jobs_supported, 0.0) / top, 0.0, 1.0)) * bar_w;
            dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), f.binding ? IM_COL32(205, 40, 40, 255) : IM_COL32(70, 130, 190, 255));
            const float now = static_cast<float>(std::clamp(pc.jobs / top, 0.0, 1.0)) * bar_w;
            dl->AddLine(ImVec2(p.x + now, p.y - 2), ImVec2(p.x + now, p.y + h + 2), IM_COL32(20, 20, 20, 255), 2);
        }
        ImGui::Dummy(ImVec2(bar_w, h));
        ImGui::SameLine();
        if (!f.given) ImGui::TextDisabled("%s", tr("no capacity given"));
        else if (f.binding) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), tr("%s jobs (binding)"), geo::grouped(f.jobs_supported).c_str());
        else ImGui::Text(tr("%s jobs (%s)"), geo::grouped(f.jobs_supported).c_str(), geo::signed_grouped(f.headroom_jobs).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(tr("%s: capacity %s %s, used %s, %.3g per new job"), term("factor", f.factor).c_str(), geo::grouped(f.capacity).c_str(), f.unit.c_str(),
                              geo::grouped(f.used).c_str(), f.per_new_job);
    }
    ImGui::TextDisabled("%s", tr("Bars: jobs each factor allows; black line: today's jobs."));
    if (ImGui::BeginTable("numbers", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        auto row = [](const char* a, const std::string& b, const char* c, const std::string& d) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(a));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(b.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr(c));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(d.c_str());
        };
        const geo::DisplayUnits& units = ws.doc->units;  // the project's (View > Units)
        auto ha = [&](double m2) { return geo::format_area(m2, units.area, language()); };
        auto money = [&](double wanyuan) { return geo::format_money(wanyuan, units.money, language()); };
        auto fixed = [](double v, const char* f) {
            char b[32];
            std::snprintf(b, sizeof b, f, v);
            return std::string(b);
        };
        row(N_("Gross area"), ha(pc.gross_m2), N_("Comprehensive FAR"), fixed(pc.comprehensive_far, "%.2f"));
        row(N_("Constraints"), ha(pc.constrained_m2), N_("Building density"), fixed(pc.building_density, "%.2f"));
        row(N_("Developable"), ha(pc.developable_m2), N_("Industrial land share"), fixed(pc.industrial_land_share, "%.2f"));
        row(N_("Vacant"), ha(pc.vacant_m2), N_("Output per mu"), money(pc.output_per_mu));
        row(N_("Permitted FAR"), fixed(pc.permitted_far, "%.2f") + " (" + pc.far_source + ")", N_("Tax per mu"), money(pc.tax_per_mu));
        row(N_("Floor capacity"), geo::format_area(pc.floor_capacity_m2, geo::AreaUnit::M2, language()), N_("Jobs per ha"), fixed(pc.jobs_per_ha, "%.1f"));
        row(N_("Remaining floor"), geo::format_area(pc.remaining_floor_m2, geo::AreaUnit::M2, language()), N_("Output per ha"), money(pc.output_per_ha));
        row(N_("Available floor"), geo::format_area(pc.available_floor_m2, geo::AreaUnit::M2, language()), N_("Densification potential"), geo::format_area(pc.densification_potential_m2, geo::AreaUnit::M2, language()));
        row(N_("New jobs (floor)"), geo::grouped(pc.remaining_jobs), N_("Dormitory beds"), geo::grouped(pc.dormitory_beds));
        row(N_("New enterprises"), geo::grouped(pc.remaining_enterprises), N_("Plots failing / under-used"),
            std::to_string(pc.plots_failing) + " / " + std::to_string(pc.plots_underused));
        ImGui::EndTable();
    }
    std::string tiers;
    for (const auto& [t, n] : pc.tiers) {
        char share[32];
        std::snprintf(share, sizeof share, " (%.1f%%)", 100.0 * static_cast<double>(n) / static_cast<double>(std::max<int64_t>(pc.enterprises, 1)));
        tiers += (tiers.empty() ? "" : ", ") + term("tier", t) + " " + std::to_string(n) + share;
    }
    ImGui::TextWrapped(tr("Tiers: %s"), tiers.c_str());
    ImGui::TextWrapped(tr("Characteristic clusters: %s"), pc.characteristic_clusters.empty() ? tr("none") : geo::joined(pc.characteristic_clusters, ", ").c_str());
    std::string cov;
    for (const auto& [t, v] : pc.coverage) cov += (cov.empty() ? "" : ", ") + term("facility", t) + " " + std::to_string(static_cast<int>(std::lround(v * 100))) + "%";
    if (!cov.empty()) ImGui::TextWrapped(tr("Employees within reach: %s"), cov.c_str());
    const geo::ParkGrowth& g = r.growth[m_park];
    if (g.years.empty()) ImGui::TextDisabled("%s", tr("No growth targets in the project."));
    else if (g.shortfall_year) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), tr("With the growth targets it runs short of %s in %d."), term("factor", g.short_of).c_str(), g.shortfall_year);
    else ImGui::Text(tr("With the growth targets it has room through %d."), g.years.back().year);
}

void CapacityPanel::compliance_layer(Workspace& ws)
{
    geo::Layer l = geo::compliance_layer(m_runs.front());
    l.name = "standards compliance";
    auto [data, view] = computed_view(std::move(l), "standards compliance", ws.doc->origin);
    view.style.mode = geo::StyleMode::Categorized;
    view.style.field = "result";
    using geo::ComplianceClass;
    view.style.fixed_colours = {{std::string(geo::to_string(ComplianceClass::FailsRule)), geo::rgba(215, 48, 39)},
                                {std::string(geo::to_string(ComplianceClass::Underused)), geo::rgba(245, 150, 30)},
                                {std::string(geo::to_string(ComplianceClass::Passes)), geo::rgba(40, 160, 70)},
                                {std::string(geo::to_string(ComplianceClass::OutsideParks)), geo::rgba(170, 170, 170)}};
    ws.add_or_replace_computed(std::move(data), std::move(view));
    ws.info(tr("capacity: the layer 'standards compliance' shows every plot: fails a rule (first), under-used, passes; plots outside every park are grey, as no park rule applies to them"));
}

void CapacityPanel::indicator_table(const geo::DisplayUnits& units)
{
    const auto& base = m_runs.front();
    const geo::ParkCapacity& b = base.result.parks[m_park];
    ImGui::Text(tr("%s: every indicator, the baseline and each scenario (change)"), b.name.c_str());
    struct Indicator {
        std::string label;
        std::function<double(const geo::CapacityRun&, const geo::ParkCapacity&)> value;
        const char* format;
    };
    // Areas in the project's unit, the unit in the row's label ("总面积（亩）").
    const double per = geo::square_metres_per(units.area);
    auto area_label = [&](const char* label) {
        return std::string(tr(label)) + (language() == geo::Language::Zh ? "（" : " (") + geo::symbol(units.area, language()) +
               (language() == geo::Language::Zh ? "）" : ")");
    };
    std::vector<Indicator> rows = {
        {N_("Capacity (jobs)"), [](const auto&, const auto& p) { return p.capacity_jobs; }, "%.0f"},
        {N_("Headroom (jobs)"), [](const auto&, const auto& p) { return p.headroom_jobs; }, "%.0f"},
        {area_label(N_("Gross area")), [per](const auto&, const auto& p) { return p.gross_m2 / per; }, "%.1f"},
        {area_label(N_("Developable")), [per](const auto&, const auto& p) { return p.developable_m2 / per; }, "%.1f"},
        {area_label(N_("Vacant")), [per](const auto&, const auto& p) { return p.vacant_m2 / per; }, "%.1f"},
        {N_("Permitted FAR"), [](const auto&, const auto& p) { return p.permitted_far; }, "%.2f"},
        {N_("Floor capacity (m²)"), [](const auto&, const auto& p) { return p.floor_capacity_m2; }, "%.0f"},
        {N_("Available floor (m²)"), [](const auto&, const auto& p) { return p.available_floor_m2; }, "%.0f"},
        {N_("  of it redeveloped (m²)"), [](const auto&, const auto& p) { return p.redevelopment_m2; }, "%.0f"},
        {N_("  of it standard factories (m²)"), [](const auto&, const auto& p) { return p.factory_floor_m2; }, "%.0f"},
        {N_("New jobs (floor)"), [](const auto&, const auto& p) { return p.remaining_jobs; }, "%.0f"},
        {N_("New enterprises"), [](const auto&, const auto& p) { return p.remaining_enterprises; }, "%.0f"},
        {N_("Dormitory beds"), [](const auto&, const auto& p) { return p.dormitory_beds; }, "%.0f"},
        {N_("Comprehensive FAR"), [](const auto&, const auto& p) { return p.comprehensive_far; }, "%.3f"},
    };
    for (const auto& f : b.factors) {
        const std::string name = f.factor;
        rows.push_back({geo::printf_text(tr("Jobs allowed by %s"), term("factor", name).c_str()), [name](const auto&, const geo::ParkCapacity& p) {
                            for (const auto& x : p.factors)
                                if (x.factor == name) return x.given ? x.jobs_supported : std::nan("");
                            return std::nan("");
                        }, "%.0f"});
    }
    for (const auto& [type, v] : b.coverage) {
        const std::string t = type;
        rows.push_back({geo::printf_text(tr("Employees within reach of %s (%%)"), term("facility", t).c_str()), [t](const auto&, const geo::ParkCapacity& p) {
                            const auto it = p.coverage.find(t);
                            return it == p.coverage.end() ? std::nan("") : 100 * it->second;
                        }, "%.1f"});
    }
    const size_t cols = 2 + (m_runs.size() - 1);
    if (!ImGui::BeginTable("indicators", static_cast<int>(cols), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX)) return;
    ImGui::TableSetupColumn(tr("Indicator"));
    ImGui::TableSetupColumn(tr("Baseline"));
    for (size_t s = 1; s < m_runs.size(); ++s) ImGui::TableSetupColumn(m_runs[s].scenario.c_str());
    ImGui::TableHeadersRow();
    auto text = [](const char* format, double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, format, v);
        return std::string(buf);
    };
    auto binding_row = [&]() {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr("Binding factor"));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(factor_names(b.binding).c_str());
        for (size_t s = 1; s < m_runs.size(); ++s) {
            ImGui::TableNextColumn();
            if (!evaluated(m_runs[s])) continue;
            const auto& p = m_runs[s].result.parks[m_park];
            if (p.binding == b.binding) ImGui::TextDisabled("%s", factor_names(p.binding).c_str());
            else ImGui::TextColored(ImVec4(0.1f, 0.4f, 0.7f, 1), "%s", factor_names(p.binding).c_str());
        }
    };
    binding_row();
    for (const Indicator& ind : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(ind.label).c_str());
        ImGui::TableNextColumn();
        const double v0 = ind.value(base, b);
        ImGui::TextUnformatted(std::isfinite(v0) ? text(ind.format, v0).c_str() : "-");
        for (size_t s = 1; s < m_runs.size(); ++s) {
            ImGui::TableNextColumn();
            if (!evaluated(m_runs[s])) continue;
            const double v = ind.value(m_runs[s], m_runs[s].result.parks[m_park]);
            if (!std::isfinite(v)) {
                ImGui::TextDisabled("-");
            } else if (std::isfinite(v0) && std::abs(v - v0) <= 1e-9 * std::max(1.0, std::abs(v0))) {
                ImGui::TextDisabled("%s", text(ind.format, v).c_str());
            } else {
                const double d = std::isfinite(v0) ? v - v0 : 0.0;
                ImGui::TextColored(d >= 0 ? ImVec4(0.1f, 0.5f, 0.1f, 1) : ImVec4(0.7f, 0.1f, 0.1f, 1), "%s (%s%s)", text(ind.format, v).c_str(),
                                   d >= 0 ? "+" : "", text(ind.format, d).c_str());
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace gui
