// Coverage with what-if: the service-radius table (loaded from a file, edited here, stored in
// the project), coverage by type for the whole study area, uncovered enterprises marked on
// the map, and facilities added, moved or deleted by clicking on the map. Edits update only
// the enterprises they can affect (geo::CoverageState), can be undone and redone, and are
// kept in the project as a scenario; the facilities layer itself is never changed.
#include "gui/coverage_panel.h"

#include <cstdio>
#include <filesystem>

#include "geo/project/data_dir.h"
#include "geo/report/text_format.h"

#include <map>
#include <optional>

#include <imgui.h>

#include "geo/coverage/coverage_settings.h"
#include "geo/scenario/facility_edits.h"
#include "geo/project/settings_reader.h"

#include "geo/coverage/coverage_state.h"
#include "geo/coverage/network_state.h"
#include "geo/coverage/road_network.h"
#include "gui/panels.h"
#include "gui/path_field.h"
#include "gui/i18n.h"

namespace gui {

void CoveragePanel::draw(Workspace& ws)
{
    if (!on_screen) {
        if (ws.map_tool == MapTool::Edit && m_tool != 0) ws.map_tool = MapTool::Select;
        return;
    }
    if (!begin_panel("Coverage")) return end_panel();
    if (!ws.doc || ws.doc->view_with_role(geo::Role::Enterprises) < 0 || ws.doc->view_with_role(geo::Role::Facilities) < 0) {
        ImGui::TextDisabled("%s", tr("The project needs enterprises and facilities layers."));
        return end_panel();
    }
    if (m_doc != ws.doc.get()) open_document(ws);
    radii_editor(ws);
    if (m_state) {
        results(ws);
        tools(ws);
        ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
        if (ImGui::CollapsingHeader(tr("By cluster and by tier (the selected type, in the chosen area)"))) {
            breakdown_table(ws, "cluster", N_("Cluster"));
            breakdown_table(ws, "tier", N_("Tier"));
        }
        marks(ws);
    } else if (ws.tasks.running("coverage")) {
        ImGui::TextDisabled("%s", tr("computing..."));
    }
    if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
    end_panel();
}

const geo::LoadedLayer& CoveragePanel::layer(const Workspace& ws, geo::Role role) const
{
    return ws.doc->layer_of(ws.doc->views[static_cast<size_t>(ws.doc->view_with_role(role))]);
}

void CoveragePanel::open_document(Workspace& ws)
{
    m_doc = ws.doc.get();
    m_state.reset();
    m_base.reset();
    m_edits.clear();
    m_applied = 0;
    m_types.clear();
    m_net.reset();
    m_net_base.reset();
    m_network.reset();
    try {
        m_settings = geo::coverage_settings(ws.doc->project.project);  // as the command reads them
        m_by_road = m_settings.network;
        m_types = m_settings.types;
        m_edits = load_edits(ws);
        m_applied = m_edits.size();
    } catch (const std::exception& e) {
        m_error = std::string("the project's coverage settings: ") + e.what();
        ws.error("coverage: " + m_error);
    }
    // The table field starts at the project's table (relative to the project file), else the
    // standard one from parkcap's data folder: never a path relative to where parkcap started.
    std::string table;
    if (!m_settings.radii_table.empty()) {
        const std::filesystem::path p(m_settings.radii_table);
        table = p.is_absolute() ? p.string() : (std::filesystem::absolute(ws.doc->project.project.file).parent_path() / p).lexically_normal().string();
    } else if (const auto standard = geo::find_data("standards/facility_service_radii.csv")) {
        table = standard->string();
    }
    std::snprintf(m_path, sizeof m_path, "%s", table.c_str());
    if (!m_types.empty()) start(ws);
}

void CoveragePanel::radii_editor(Workspace& ws)
{
    path_field(ws, "radii", m_path, sizeof m_path, tr("Service-radius table"), {".csv"});
    ImGui::SameLine();
    if (ImGui::Button(tr("Load radius table"))) {
        try {
            m_types = geo::read_service_radii(m_path);
            m_error.clear();
            store_radii(ws);
            start(ws);
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    }
    if (m_types.empty()) {
        ImGui::TextDisabled("%s", tr("Load a service-radius table (e.g. datasets/standards/facility_service_radii.csv)."));
        return;
    }
    bool changed = false;
    if (ImGui::BeginTable("radii", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn(tr("Type"));
        ImGui::TableSetupColumn(tr("Code"));
        ImGui::TableSetupColumn(tr("Radii m"));
        ImGui::TableHeadersRow();
        for (auto& t : m_types) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(facility_name(t.code, t.name_zh).c_str());
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", t.code.c_str());
            ImGui::TableNextColumn();
            for (size_t k = 0; k < t.radii_m.size(); ++k) {
                ImGui::PushID(&t.radii_m[k]);
                ImGui::SetNextItemWidth(70);
                float r = static_cast<float>(t.radii_m[k]);
                if (ImGui::DragFloat("##r", &r, 10, 50, 5000, "%.0f")) {
                    t.radii_m[k] = r;
                    changed = true;
                }
                if (k + 1 < t.radii_m.size()) ImGui::SameLine();
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
    if (changed) store_radii(ws);  // radii only change what counts as covered: no recompute
    const bool has_roads = ws.doc->view_with_role(geo::Role::Roads) >= 0;
    if (has_roads && ImGui::Checkbox(tr("Also along the roads (network distance)"), &m_by_road)) {
        m_settings.network = m_by_road;
        geo::store_settings(ws.doc->project.project, "coverage", geo::to_json(m_settings, m_radii_edited));
        start(ws);
    }
}

void CoveragePanel::store_radii(Workspace& ws)
{
    m_settings.types = m_types;
    m_radii_edited = true;  // from now on the planner's radii travel inline with the project
    geo::store_settings(ws.doc->project.project, "coverage", geo::to_json(m_settings, true));
}

void CoveragePanel::store_edits(Workspace& ws)
{
    const geo::LoadedLayer& fac = layer(ws, geo::Role::Facilities);
    const geo::Transformer to_lonlat(ws.doc->project.working.crs, geo::wgs84());
    auto lonlat = [&](geo::Coord c) {
        to_lonlat.transform(std::span<geo::Coord>(&c, 1));
        return geo::LonLat{c.x, c.y};
    };
    auto ref = [&](uint32_t id) {
        return id < fac.data->size() ? geo::FacilityRef{fac.config.id, fac.data->fids[id], ""} : geo::FacilityRef{"", -1, "added-" + std::to_string(id)};
    };
    geo::Scenario s{kScenario, {}, {{"kind", "facility coverage"}}};
    for (size_t k = 0; k < m_applied; ++k) {
        const Edit& e = m_edits[k];
        if (e.op == Edit::Add)
            s.edits.push_back(geo::AddFacility{"added-" + std::to_string(e.id), m_types.at(static_cast<size_t>(e.type)).code, lonlat(e.to), std::nullopt});
        else if (e.op == Edit::Move)
            s.edits.push_back(geo::MoveFacility{ref(e.id), lonlat(e.to)});
        else
            s.edits.push_back(geo::RemoveFacility{ref(e.id)});
    }
    geo::store_scenario(ws.doc->project.project, s);
}

std::vector<Edit> CoveragePanel::load_edits(const Workspace& ws) const
{
    std::vector<Edit> out;
    const geo::Project& project = ws.doc->project.project;
    std::optional<geo::Scenario> found;
    for (geo::Scenario& s : geo::read_scenarios(project))
        if (s.name == kScenario) found = std::move(s);
    if (!found || ws.doc->view_with_role(geo::Role::Facilities) < 0) return out;
    const geo::LoadedLayer& fac = layer(ws, geo::Role::Facilities);
    const geo::Crs& working = ws.doc->project.working.crs;
    geo::upgrade_legacy_edits(*found, fac, m_types, working);
    const geo::Transformer from_lonlat(geo::wgs84(), working);
    auto place = [&](geo::LonLat p) {
        geo::Coord c{p.lon, p.lat};
        from_lonlat.transform(std::span<geo::Coord>(&c, 1));
        return c;
    };
    std::map<int64_t, uint32_t> by_fid;
    std::vector<geo::Coord> at;  // where each state id is, as the edits replay
    for (size_t i = 0; i < fac.data->size(); ++i) {
        by_fid[fac.data->fids[i]] = static_cast<uint32_t>(i);
        at.push_back(fac.data->geometry.first_coord(i));
    }
    std::map<std::string, uint32_t> added;
    auto id_of = [&](const geo::FacilityRef& r) -> uint32_t {
        if (!r.added.empty()) {
            if (!added.count(r.added)) throw geo::Error("the coverage what-if names an unknown added facility '" + r.added + "'");
            return added.at(r.added);
        }
        if (!by_fid.count(r.fid)) throw geo::Error("the coverage what-if names fid " + std::to_string(r.fid) + ", which the facilities layer lacks");
        return by_fid.at(r.fid);
    };
    for (const geo::Edit& e : found->edits) {
        if (const auto* a = std::get_if<geo::AddFacility>(&e)) {
            const geo::FacilityType* t = geo::find_facility_type(m_types, a->facility_type);
            if (!t) throw geo::Error("the coverage what-if adds a '" + a->facility_type + "', a type the radius table lacks");
            const auto id = static_cast<uint32_t>(at.size());
            if (!a->id.empty()) added[a->id] = id;
            at.push_back(place(a->at));
            out.push_back({Edit::Add, id, static_cast<int32_t>(t - m_types.data()), at.back(), at.back()});
        } else if (const auto* m = std::get_if<geo::MoveFacility>(&e)) {
            const uint32_t id = id_of(m->facility);
            const geo::Coord from = at[id];
            at[id] = place(m->to);
            out.push_back({Edit::Move, id, 0, from, at[id]});
        } else if (const auto* r = std::get_if<geo::RemoveFacility>(&e)) {
            const uint32_t id = id_of(r->facility);
            out.push_back({Edit::Remove, id, 0, at[id], at[id]});
        }
    }
    return out;
}

void CoveragePanel::start(Workspace& ws)
{
    const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
    const geo::LoadedLayer& fac = layer(ws, geo::Role::Facilities);
    const std::string* type_field = fac.fields.field_for("type");
    if (!type_field) {
        m_error = "no field is bound to the facility type";
        ws.error("coverage: " + m_error);
        return;
    }
    std::vector<geo::Coord> pts, fpts;
    std::vector<int32_t> type_of;
    for (size_t i = 0; i < firms.data->size(); ++i) pts.push_back(firms.data->geometry.first_coord(i));
    const geo::Column& type = *fac.data->column(*type_field);
    for (size_t i = 0; i < fac.data->size(); ++i) {
        fpts.push_back(fac.data->geometry.first_coord(i));
        const geo::FacilityType* t = geo::find_facility_type(m_types, type.text(i));
        type_of.push_back(t ? static_cast<int32_t>(t - m_types.data()) : -1);
    }
    m_jobs.clear();
    if (const std::string* f = firms.fields.field_for("employees"))
        for (size_t i = 0; i < firms.data->size(); ++i) m_jobs.push_back(firms.data->column(*f)->number(i).value_or(0.0));
    std::optional<geo::GeometryColumn> roads;
    if (m_by_road && ws.doc->view_with_role(geo::Role::Roads) >= 0) roads = layer(ws, geo::Role::Roads).data->geometry;
    ws.tasks.start("coverage", [this, pts = std::move(pts), fpts = std::move(fpts), type_of = std::move(type_of), types = m_types,
                                roads = std::move(roads), attach_limit = m_settings.attach_limit_m](const geo::Progress&) mutable
                                   -> TaskRunner::Finish {
        std::shared_ptr<geo::RoadNetwork> network;
        std::shared_ptr<geo::NetworkCoverageState> net;
        std::string error;
        try {
            if (roads) {
                network = std::make_shared<geo::RoadNetwork>(*roads);
                net = std::make_shared<geo::NetworkCoverageState>(*network, pts, types, fpts, type_of, attach_limit);
            }
        } catch (const std::exception& e) {
            error = std::string("roads: ") + e.what();
        }
        auto base = std::make_shared<geo::CoverageState>(std::move(pts), types, std::move(fpts), std::move(type_of));
        return [this, base, network, net, error](Workspace& w) {
            if (!error.empty()) {
                m_error = error;
                w.error("coverage: " + m_error);
            }
            m_base = base;
            m_network = network;  // the network outlives the states that refer to it
            m_net_base = net;
            replay();
            w.coverage_computed = true;
        };
    });
}

void CoveragePanel::replay()
{
    ++m_version;
    m_state = std::make_unique<geo::CoverageState>(*m_base);
    m_net = m_net_base ? std::make_unique<geo::NetworkCoverageState>(*m_net_base) : nullptr;
    for (size_t k = 0; k < m_applied && k < m_edits.size(); ++k) apply(m_edits[k]);
}

void CoveragePanel::apply(const Edit& e)
{
    ++m_version;
    try {
        if (e.op == Edit::Add) m_state->add(e.to, e.type);
        else if (e.op == Edit::Move) m_state->move(e.id, e.to);
        else m_state->remove(e.id);
        if (m_net) {  // the road view follows the same edits, with the same ids
            if (e.op == Edit::Add) m_net->add(e.to, e.type);
            else if (e.op == Edit::Move) m_net->move(e.id, e.to);
            else m_net->remove(e.id);
        }
    } catch (const std::exception& ex) {
        m_error = std::string("a saved edit no longer applies: ") + ex.what();  // shown by the panel
    }
}

void CoveragePanel::record(Workspace& ws, Edit e)
{
    ++m_version;
    m_edits.resize(m_applied);  // a new edit drops what could be redone
    m_edits.push_back(e);
    m_applied = m_edits.size();
    store_edits(ws);
    // The history's label, as a planner says it: "假设：新增公交站点", "What-if: move facility 12".
    std::string label;
    if (e.op == Edit::Add && static_cast<size_t>(e.type) < m_types.size()) {
        const auto& t = m_types[static_cast<size_t>(e.type)];
        label = geo::printf_text(tr("What-if: add %s"), facility_name(t.code, t.name_zh).c_str());
    } else {
        label = geo::printf_text(e.op == Edit::Move ? tr("What-if: move facility %u") : tr("What-if: remove facility %u"), e.id);
    }
    const Document* doc = ws.doc.get();
    ws.push_edit({label,
                  [this, doc](Workspace& w) {
                      if (w.doc.get() != doc || m_applied == 0) return;  // another project since
                      --m_applied;
                      ++m_version;
                      replay();
                      store_edits(w);
                  },
                  [this, doc](Workspace& w) {
                      if (w.doc.get() != doc || m_applied >= m_edits.size()) return;
                      ++m_version;
                      apply(m_edits[m_applied++]);
                      store_edits(w);
                  }});
}

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_coverage = register_panel({90, "coverage", true, [] { return std::unique_ptr<Panel>(std::make_unique<CoveragePanel>()); }});

}  // namespace gui
