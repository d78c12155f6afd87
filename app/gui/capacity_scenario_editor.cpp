// The capacity panel's scenario editor: edits made in forms and on the map, typed, kept in
// the project and entered in the workspace's one undo history.
#include "gui/capacity_panel.h"
#include "gui/i18n.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "geo/report/edit_sentences.h"
#include "geo/report/text_format.h"
#include "geo/scenario/edits.h"

#include "geo/capacity/scenario.h"
#include "geo/io/crs.h"

namespace gui {

void CapacityPanel::change_scenario(Workspace& ws, const geo::Scenario& before, const geo::Scenario& after, const std::string& label)
{
    const std::string name = after.name;
    geo::store_scenario(ws.doc->project.project, after, true);
    mark_dirty(name);
    const Document* doc = ws.doc.get();
    auto put = [this, doc, name](Workspace& w, const geo::Scenario& s) {
        if (w.doc.get() != doc) return;  // another project since
        geo::store_scenario(w.doc->project.project, s, true);
        if (std::any_of(m_runs.begin(), m_runs.end(), [&](const geo::CapacityRun& r) { return r.scenario == name; })) mark_dirty(name);
    };
    ws.push_edit({name + (language() == geo::Language::Zh ? "：" : ": ") + label, [put, before](Workspace& w) { put(w, before); }, [put, after](Workspace& w) { put(w, after); }});
}

void CapacityPanel::add_edit(Workspace& ws, const geo::Json& json)
{
    if (!current(ws)) return;
    try {
        const geo::Edit edit = geo::edit_from_json(json);
        const geo::Scenario before = geo::scenario_named(ws.doc->project.project, m_runs[m_scenario].scenario);
        geo::Scenario after = before;
        after.edits.push_back(edit);
        change_scenario(ws, before, after, geo::describe_edit(edit, language()));
    } catch (const std::exception& e) {
        ws.error("capacity: " + std::string(e.what()));
    }
}

void CapacityPanel::remove_edit(Workspace& ws, size_t index)
{
    try {
        const geo::Scenario before = geo::scenario_named(ws.doc->project.project, m_runs[m_scenario].scenario);
        if (index >= before.edits.size()) return;
        geo::Scenario after = before;
        after.edits.erase(after.edits.begin() + static_cast<std::ptrdiff_t>(index));
        change_scenario(ws, before, after, tr("take back: ") + geo::describe_edit(before.edits[index], language()));
    } catch (const std::exception& e) {
        ws.error("capacity: " + std::string(e.what()));
    }
}

void CapacityPanel::editor(Workspace& ws)
{
    ImGui::SetNextItemWidth(240);
    ImGui::InputText("##new", m_new_name, sizeof m_new_name);
    ImGui::SameLine();
    if (ImGui::Button(tr("New scenario")) && m_new_name[0]) {
        const std::string name = m_new_name;
        const auto names = geo::scenario_names(ws.doc->project.project);
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            ws.warn(geo::printf_text(tr("capacity: a scenario named '%s' exists already"), name.c_str()));
        } else {
            scenarios(ws).push_back({{"name", name}, {"edits", geo::Json::array()}});
            m_runs.push_back({name, {}, {}, {}, {}});
            m_scenario = m_runs.size() - 1;
            mark_dirty(name);
        }
    }
    geo::Json* s = current(ws);
    if (!s) {
        ImGui::TextDisabled("%s", tr("Choose or create a scenario to edit; the baseline stays as the data are."));
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Delete scenario"))) {
        auto& list = scenarios(ws);
        for (size_t k = 0; k < list.size(); ++k)
            if (list[k].value("name", "") == m_runs[m_scenario].scenario) list.erase(k);
        m_runs.erase(m_runs.begin() + static_cast<std::ptrdiff_t>(m_scenario));
        m_scenario = 0;  // nothing to evaluate: the others stand
        return;
    }
    const std::string park = park_key();
    ImGui::Separator();
    ImGui::Text(tr("Add an edit for %s:"), m_runs.front().result.parks[m_park].name.c_str());
    ImGui::SetNextItemWidth(90);
    ImGui::InputDouble(tr("FAR##raise"), &m_far, 0, 0, "%.2f");
    ImGui::SameLine();
    if (ImGui::Button(tr("Raise FAR"))) add_edit(ws, {{"type", "raise_far"}, {"park", park}, {"far", m_far}});
    ImGui::SameLine();
    if (ImGui::Button(tr("Redevelop under-used plots"))) add_edit(ws, {{"type", "redevelop"}, {"park", park}});
    refresh_sites();
    if (!m_sites.empty()) {
        ImGui::SameLine();
        const std::string& site = m_runs.front().input.site_name[m_sites[std::min(m_site, m_sites.size() - 1)]];
        if (ImGui::Button(("Raise FAR of " + site).c_str())) add_edit(ws, {{"type", "raise_far"}, {"sites", {site}}, {"far", m_far}});
    }

    const auto& factors = m_base ? m_base->tables.factors : std::vector<std::string>{};
    if (!factors.empty()) {
        m_factor = std::min(m_factor, factors.size() - 1);
        ImGui::SetNextItemWidth(150);
        if (ImGui::BeginCombo("##factor", factors[m_factor].c_str())) {
            for (size_t f = 0; f < factors.size(); ++f)
                if (ImGui::Selectable(factors[f].c_str(), f == m_factor)) m_factor = f;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110);
        ImGui::InputDouble("##add", &m_add, 0, 0, "%.0f");
        ImGui::SameLine();
        if (ImGui::Button(tr("Upgrade capacity by")))
            add_edit(ws, {{"type", "upgrade_capacity"}, {"park", park}, {"factor", factors[m_factor]}, {"add", m_add}});
    }

    // Standard factory on one of the park's sites.
    const geo::CapacityInput& in = m_runs.front().input;
    if (!in.site_name.empty()) {
        if (!m_sites.empty()) {
            m_site = std::min(m_site, m_sites.size() - 1);
            ImGui::SetNextItemWidth(130);
            if (ImGui::BeginCombo("##site", in.site_name[m_sites[m_site]].c_str())) {
                for (size_t k = 0; k < m_sites.size(); ++k)
                    if (ImGui::Selectable((in.site_name[m_sites[k]] + " (" + in.site_status[m_sites[k]] + ")").c_str(), k == m_site)) m_site = k;
                ImGui::EndCombo();
            }
            ImGui::SameLine();
            ImGui::SetNextItemWidth(60);
            ImGui::InputInt(tr("storeys"), &m_storeys, 0);
            ImGui::SameLine();
            ImGui::SetNextItemWidth(80);
            ImGui::InputDouble(tr("m² each"), &m_footprint, 0, 0, "%.0f");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(60);
            ImGui::InputDouble(tr("beds"), &m_beds, 0, 0, "%.0f");
            ImGui::SameLine();
            if (ImGui::Button(tr("Add standard factory")))
                add_edit(ws, {{"type", "standard_factory"}, {"site", in.site_name[m_sites[m_site]]}, {"storeys", std::max(1, m_storeys)},
                              {"footprint_m2", m_footprint}, {"beds", m_beds}});
        } else {
            ImGui::TextDisabled("%s", tr("The park has no site parcels for a standard factory."));
        }
    }

    // On the map: a facility by a click, a boundary extension by a polygon.
    const auto& radii = in.radii;
    if (!radii.empty()) {
        m_type = std::min(m_type, radii.size() - 1);
        ImGui::SetNextItemWidth(150);
        if (ImGui::BeginCombo("##ftype", radii[m_type].code.c_str())) {
            for (size_t t = 0; t < radii.size(); ++t)
                if (ImGui::Selectable(radii[t].code.c_str(), t == m_type)) m_type = t;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(80);
        ImGui::InputDouble(tr("capacity##fac"), &m_capacity, 0, 0, "%.0f");
        ImGui::SameLine();
        if (ImGui::RadioButton(tr("Add facility by clicking"), m_tool == Tool::AddFacility)) set_tool(ws, Tool::AddFacility);
    }
    if (ImGui::RadioButton(tr("Draw a boundary extension"), m_tool == Tool::DrawBoundary)) set_tool(ws, Tool::DrawBoundary);
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("Mark a plot for redevelopment"), m_tool == Tool::MarkPlot)) set_tool(ws, Tool::MarkPlot);
    if (m_tool == Tool::MarkPlot) {
        ImGui::SameLine();
        ImGui::TextDisabled(tr("(to FAR %.2f above; click an enterprise)"), m_far);
    }

    // Growth: an incoming enterprise placed by a click.
    const auto& clusters = m_runs.front().result.parks[m_park].clusters;
    ImGui::SetNextItemWidth(160);
    ImGui::InputText("##firm", m_firm_name, sizeof m_firm_name);
    ImGui::SameLine();
    std::vector<std::string> cluster_names;
    for (const auto& c : clusters) cluster_names.push_back(c.cluster);
    if (cluster_names.empty()) cluster_names.push_back("(none)");
    m_cluster = std::min(m_cluster, cluster_names.size() - 1);
    ImGui::SetNextItemWidth(120);
    if (ImGui::BeginCombo("##cluster", cluster_names[m_cluster].c_str())) {
        for (size_t c = 0; c < cluster_names.size(); ++c)
            if (ImGui::Selectable(cluster_names[c].c_str(), c == m_cluster)) m_cluster = c;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(60);
    ImGui::InputDouble(tr("jobs"), &m_firm_jobs, 0, 0, "%.0f");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    ImGui::InputDouble(tr("m² floor"), &m_firm_floor, 0, 0, "%.0f");
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("Add incoming enterprise by clicking"), m_tool == Tool::AddEnterprise)) set_tool(ws, Tool::AddEnterprise);
    if ((m_firm_jobs < 0 || m_firm_floor < 0) && m_tool == Tool::AddEnterprise)
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", tr("Jobs and floor area must not be negative."));
    if (m_tool == Tool::DrawBoundary) {
        ImGui::SameLine();
        ImGui::Text(tr("%zu points"), m_ring.size());
        ImGui::SameLine();
        if (ImGui::Button(tr("Finish")) && m_ring.size() >= 3) {
            const geo::Transformer to_lonlat(ws.doc->project.working.crs, geo::wgs84());
            std::vector<geo::Coord> ring = m_ring;
            to_lonlat.transform(ring);
            geo::Json pts = geo::Json::array();
            for (const auto& c : ring) pts.push_back({c.x, c.y});
            add_edit(ws, {{"type", "extend_boundary"}, {"park", park}, {"ring", pts}});
            m_ring.clear();
            set_tool(ws, Tool::None);
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) {
            m_ring.clear();
            set_tool(ws, Tool::None);
        }
    }
    if (m_tool != Tool::None) ImGui::TextDisabled("%s", tr("Click on the map; Ctrl+S saves the scenario with the project."));
    // The edits so far, each with a delete button (below the forms, which so stay in place).
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Edits in this scenario:"));
    if (s->contains("edits") && (*s)["edits"].is_array()) {
        auto& edits = (*s)["edits"];
        for (size_t k = 0; k < edits.size(); ++k) {
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::SmallButton("x")) {
                ImGui::PopID();
                remove_edit(ws, k);
                break;
            }
            ImGui::SameLine();
            std::string sentence;
            try {
                sentence = geo::describe_edit(geo::edit_from_json(edits[k]), language());
            } catch (const std::exception&) {
                sentence = edits[k].dump();  // not readable as an edit: shown as stored
            }
            ImGui::TextWrapped("%s", sentence.c_str());
            ImGui::PopID();
        }
    }
    for (const auto& n : run().notes) ImGui::TextDisabled("%s", n.c_str());
    for (const geo::Coord& at : ws.map_clicks) click(ws, at);
    if (m_tool != Tool::None) ws.map_clicks.clear();
}

void CapacityPanel::refresh_sites()
{
    if (m_site_park == m_park) return;
    m_sites.clear();
    const auto where = geo::sites_in_parks(m_runs.front().input);
    for (size_t k = 0; k < where.size(); ++k)
        if (where[k] == static_cast<int32_t>(m_park)) m_sites.push_back(k);
    m_site_park = m_park;
    m_site = 0;
}

void CapacityPanel::set_tool(Workspace& ws, Tool t)
{
    m_tool = m_tool == t ? Tool::None : t;
    ws.map_tool = m_tool == Tool::None ? MapTool::Select : MapTool::Edit;
}

void CapacityPanel::click(Workspace& ws, geo::Coord at)
{
    if (m_tool == Tool::DrawBoundary) {
        m_ring.push_back(at);
    } else if (m_tool == Tool::AddFacility) {
        const geo::Transformer to_lonlat(ws.doc->project.working.crs, geo::wgs84());
        geo::Coord c = at;
        to_lonlat.transform(std::span<geo::Coord>(&c, 1));
        geo::Json e = {{"type", "add_facility"}, {"facility_type", m_runs.front().input.radii[m_type].code}, {"lon", c.x}, {"lat", c.y}};
        if (m_capacity > 0) e["capacity"] = m_capacity;
        add_edit(ws, e);
        if (const auto area = ws.doc->constraint_at(at))
            ws.warn(geo::printf_text(tr("the new facility lies inside the constraint area '%s': check that it may be built there"), area->c_str()));
    } else if (m_tool == Tool::AddEnterprise) {
        const geo::Transformer to_lonlat(ws.doc->project.working.crs, geo::wgs84());
        geo::Coord c = at;
        to_lonlat.transform(std::span<geo::Coord>(&c, 1));
        const auto& clusters = m_runs.front().result.parks[m_park].clusters;
        const std::string cluster = m_cluster < clusters.size() ? clusters[m_cluster].cluster : "";
        // Taken by the edit's reader: negative jobs or floor area come back as an error message.
        add_edit(ws, {{"type", "add_enterprise"}, {"name", m_firm_name}, {"cluster", cluster}, {"lon", c.x}, {"lat", c.y},
                      {"employees", m_firm_jobs}, {"floor_m2", m_firm_floor}});
    } else if (m_tool == Tool::MarkPlot) {
        // The enterprise nearest the click, within 8 pixels.
        const geo::CapacityInput& in = run().input;
        const double limit = 8 * ws.camera.metres_per_pixel();
        size_t best = SIZE_MAX;
        double best_d = limit * limit;
        for (size_t i = 0; i < in.firms->xy.size() && i < in.firms->fid.size(); ++i) {
            const double dx = in.firms->xy[i].x - at.x, dy = in.firms->xy[i].y - at.y;
            if (dx * dx + dy * dy <= best_d) {
                best_d = dx * dx + dy * dy;
                best = i;
            }
        }
        if (best == SIZE_MAX) {
            ws.warn(tr("capacity: no enterprise within 8 pixels of the click"));
            return;
        }
        if (best >= m_runs.front().input.firms->xy.size()) {
            ws.warn(geo::printf_text(tr("capacity: '%s' is an incoming enterprise of this scenario; it has no plot to redevelop"),
                                     std::string(in.firms->name[best]).c_str()));
            return;
        }
        add_edit(ws, {{"type", "redevelop_plots"}, {"layer", in.enterprise_layer}, {"fids", {in.firms->fid[best]}}, {"far", m_far}});
    }
}

void CapacityPanel::marks(Workspace& ws)
{
    for (const geo::Coord& c : m_ring) ws.markers.push_back({c, geo::rgba(120, 40, 170), 6, false});
    const geo::CapacityRun& r = run();
    const auto& base_in = m_runs.front().input;
    for (size_t k = base_in.facility_xy.size(); k < r.input.facility_xy.size(); ++k)
        ws.markers.push_back({r.input.facility_xy[k], geo::rgba(20, 160, 60), 7, false});
    // Incoming enterprises (violet discs) and plots marked for redevelopment (violet crosses).
    for (size_t i = base_in.firms->xy.size(); i < r.input.firms->xy.size(); ++i) ws.markers.push_back({r.input.firms->xy[i], geo::rgba(120, 40, 170), 6, false});
    for (size_t i = 0; i < r.input.plot_redevelop_far.size() && i < r.input.firms->xy.size(); ++i)
        if (!std::isnan(r.input.plot_redevelop_far[i])) ws.markers.push_back({r.input.firms->xy[i], geo::rgba(120, 40, 170), 7, true});
}

}  // namespace gui
