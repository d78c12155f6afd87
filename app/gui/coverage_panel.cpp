// Coverage with what-if: the service-radius table (loaded from a file, edited here, stored in
// the project), coverage by type for the whole study area, uncovered enterprises marked on
// the map, and facilities added, moved or deleted by clicking on the map. Edits update only
// the enterprises they can affect (geo::CoverageState), can be undone and redone, and are
// kept in the project as a scenario; the facilities layer itself is never changed.
#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <optional>

#include <imgui.h>

#include "geo/coverage/coverage_settings.h"
#include "geo/report/coverage_outputs.h"
#include "geo/scenario/facility_edits.h"
#include "geo/project/settings_reader.h"

#include "geo/coverage/coverage_state.h"
#include "geo/coverage/gaps.h"
#include "geo/coverage/network_state.h"
#include "geo/coverage/road_network.h"
#include "gui/panels.h"

namespace gui {

namespace {

const char* kScenario = "coverage what-if";

struct Edit {
    enum Op { Add, Move, Remove } op;
    uint32_t id = 0;   // the facility (for Add: the id it received)
    int32_t type = 0;  // for Add
    geo::Coord from, to;
};


class CoveragePanel : public Panel {
public:
    const char* name() const override { return "coverage"; }

    void draw(Workspace& ws) override
    {
        if (!visible) {
            if (ws.map_tool == MapTool::Edit && m_tool != 0) ws.map_tool = MapTool::Select;
            return;
        }
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Size.x - 700, 60), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(540, 760), ImGuiCond_FirstUseEver);
        if (!ImGui::Begin("Coverage", &visible)) return ImGui::End();
        if (!ws.doc || ws.doc->view_with_role(geo::Role::Enterprises) < 0 || ws.doc->view_with_role(geo::Role::Facilities) < 0) {
            ImGui::TextDisabled("The project needs enterprises and facilities layers.");
            return ImGui::End();
        }
        if (m_doc != ws.doc.get()) open_document(ws);
        radii_editor(ws);
        if (m_state) {
            results(ws);
            tools(ws);
            ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
            if (ImGui::CollapsingHeader("By cluster and by tier (the selected type, in the chosen area)")) {
                breakdown_table(ws, "cluster", "Cluster");
                breakdown_table(ws, "tier", "Tier");
            }
            marks(ws);
        } else if (ws.tasks.running("coverage")) {
            ImGui::TextDisabled("computing...");
        }
        if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
        ImGui::End();
    }

private:
    const geo::LoadedLayer& layer(const Workspace& ws, geo::Role role) const
    {
        return ws.doc->layer_of(ws.doc->views[static_cast<size_t>(ws.doc->view_with_role(role))]);
    }

    // A newly opened project: its stored radii and what-if edits.
    void open_document(Workspace& ws)
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
        }
        if (!m_types.empty()) start(ws);
    }

    void radii_editor(Workspace& ws)
    {
        ImGui::SetNextItemWidth(330);
        ImGui::InputText("##radii", m_path, sizeof m_path);
        ImGui::SameLine();
        if (ImGui::Button("Load radius table")) {
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
            ImGui::TextDisabled("Load a service-radius table (e.g. datasets/standards/facility_service_radii.csv).");
            return;
        }
        bool changed = false;
        if (ImGui::BeginTable("radii", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
            ImGui::TableSetupColumn("Type");
            ImGui::TableSetupColumn("类型");
            ImGui::TableSetupColumn("Radii m");
            ImGui::TableHeadersRow();
            for (auto& t : m_types) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(t.code.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(t.name_zh.c_str());
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
        if (has_roads && ImGui::Checkbox("Also along the roads (network distance)", &m_by_road)) {
            m_settings.network = m_by_road;
            geo::store_settings(ws.doc->project.project, "coverage", geo::to_json(m_settings, m_radii_edited));
            start(ws);
        }
    }

    void store_radii(Workspace& ws)
    {
        m_settings.types = m_types;
        m_radii_edited = true;  // from now on the planner's radii travel inline with the project
        geo::store_settings(ws.doc->project.project, "coverage", geo::to_json(m_settings, true));
    }

    // The what-if as an ordinary scenario of typed edits (geo/scenario/edits.h): facilities by
    // layer and fid (or the id their add gave), types by code, places by lon/lat; an empty
    // what-if is not kept. `parkcap coverage --scenario` and the capacity model read the same.
    void store_edits(Workspace& ws)
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

    // The project's what-if as the panel's edit list (state ids, type indices, working-CRS
    // places), upgrading edits saved in the old index-based form.
    std::vector<Edit> load_edits(const Workspace& ws) const
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

    // The base state (the facilities as in the layer) as a task on copies of the points;
    // edits are replayed after, on the UI thread.
    void start(Workspace& ws)
    {
        const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
        const geo::LoadedLayer& fac = layer(ws, geo::Role::Facilities);
        const std::string* type_field = fac.fields.field_for("type");
        if (!type_field) {
            m_error = "no field is bound to the facility type";
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
                    w.warn("coverage: " + m_error);
                }
                m_base = base;
                m_network = network;  // the network outlives the states that refer to it
                m_net_base = net;
                replay();
                w.coverage_computed = true;
            };
        });
    }

    void replay()
    {
        ++m_version;
        m_state = std::make_unique<geo::CoverageState>(*m_base);
        m_net = m_net_base ? std::make_unique<geo::NetworkCoverageState>(*m_net_base) : nullptr;
        for (size_t k = 0; k < m_applied && k < m_edits.size(); ++k) apply(m_edits[k]);
    }

    void apply(const Edit& e)
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
            m_error = std::string("a saved edit no longer applies: ") + ex.what();
        }
    }

    void record(Workspace& ws, Edit e)
    {
        ++m_version;
        m_edits.resize(m_applied);  // a new edit drops what could be redone
        m_edits.push_back(e);
        m_applied = m_edits.size();
        store_edits(ws);
        const char* what = e.op == Edit::Add ? "add" : e.op == Edit::Move ? "move" : "remove";
        const std::string type = e.op == Edit::Add && static_cast<size_t>(e.type) < m_types.size() ? " a " + m_types[static_cast<size_t>(e.type)].code : " a facility";
        const Document* doc = ws.doc.get();
        ws.push_edit({std::string("what-if: ") + what + type,
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

    const geo::Column* employees_column(const Workspace& ws) const
    {
        const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
        const std::string* f = firms.fields.field_for("employees");
        return f ? firms.data->column(*f) : nullptr;
    }

    struct Row {
        size_t type;
        double radius;
        size_t covered, base_covered, enterprises;
        double jobs, total_jobs;
        size_t by_road;
    };

    // Coverage rows for the chosen area (the study area or one park), recomputed only when the
    // state, the area or the radii change.
    const std::vector<Row>& rows(const Workspace& ws)
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

    void results(Workspace& ws)
    {
        const auto& types = m_state->types();
        const auto& parks = ws.doc->park_stats;
        const char* area_name = m_area < 0 || static_cast<size_t>(m_area) >= parks.size() ? "the whole study area" : parks[static_cast<size_t>(m_area)].name.c_str();
        if (ImGui::BeginCombo("Area", area_name)) {
            if (ImGui::Selectable("the whole study area", m_area < 0)) m_area = -1;
            for (size_t p = 0; p < parks.size(); ++p)
                if (ImGui::Selectable(parks[p].name.c_str(), m_area == static_cast<int32_t>(p))) m_area = static_cast<int32_t>(p);
            ImGui::EndCombo();
        }
        if (m_jobs.empty()) {
            ImGui::TextDisabled("The enterprises need an employees field for this table.");
            return;
        }
        if (!ImGui::BeginTable("cov", m_net ? 6 : 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
        ImGui::TableSetupColumn("Type");
        ImGui::TableSetupColumn("Radius");
        ImGui::TableSetupColumn("Covered");
        ImGui::TableSetupColumn("Employees");
        ImGui::TableSetupColumn("Change");
        if (m_net) ImGui::TableSetupColumn("By road");
        ImGui::TableHeadersRow();
        for (const Row& r : rows(ws)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(r.type * 100 + static_cast<size_t>(r.radius) % 100));
            if (ImGui::Selectable(types[r.type].code.c_str(), m_shown == r.type, ImGuiSelectableFlags_SpanAllColumns)) m_shown = r.type;
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::Text("%.0f m", r.radius);
            ImGui::TableNextColumn();
            ImGui::Text("%zu of %zu", r.covered, r.enterprises);
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
        ImGui::TextDisabled("Red dots on the map: enterprises not covered by the selected type.");
        if (ImGui::Button("Suggest a site")) suggest(ws);
        ImGui::SameLine();
        if (ImGui::Button("Draw gap areas")) draw_gaps(ws);
        if (m_suggestion && m_suggestion_version == m_version && m_suggestion_type == m_shown)
            ImGui::Text("A new %s at the blue mark would cover %lld more enterprises (%.0f employees).", types[m_shown].code.c_str(),
                        static_cast<long long>(m_suggestion->enterprises), m_suggestion->employees);
        if (!m_gaps_note.empty()) ImGui::TextDisabled("%s", m_gaps_note.c_str());
    }

    // Coverage of the selected type at its largest radius, grouped by an enterprise field.
    void breakdown_table(Workspace& ws, const char* meaning, const char* label)
    {
        const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
        const std::string* field = firms.fields.field_for(meaning);
        if (!field) {
            ImGui::TextDisabled("No field is bound to the %s.", meaning);
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
            ImGui::TableSetupColumn(label);
            ImGui::TableSetupColumn("Covered");
            ImGui::TableSetupColumn("Share");
            ImGui::TableSetupColumn("Employees");
            ImGui::TableHeadersRow();
            for (const geo::CoverageRow& g : cache.rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(g.group.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%lld of %lld", static_cast<long long>(g.covered), static_cast<long long>(g.enterprises));
                ImGui::TableNextColumn();
                ImGui::Text("%.1f%%", g.enterprises ? 100.0 * static_cast<double>(g.covered) / static_cast<double>(g.enterprises) : 0.0);
                ImGui::TableNextColumn();
                if (g.employees > 0) ImGui::Text("%.1f%%", 100 * g.employees_covered / g.employees);
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }

    // Every enterprise's position, and whether type `t` leaves it uncovered at `radius`.
    std::pair<std::vector<geo::Coord>, std::vector<uint8_t>> uncovered_enterprises(const Workspace& ws, size_t t, double radius) const
    {
        const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
        std::vector<geo::Coord> pts;
        std::vector<uint8_t> uncovered;
        for (size_t e = 0; e < firms.data->size(); ++e) {
            pts.push_back(firms.data->geometry.first_coord(e));
            uncovered.push_back(!(m_state->distance(t, e) <= radius));
        }
        return {std::move(pts), std::move(uncovered)};
    }

    // Where the uncovered employees of the selected type concentrate, as a map layer.
    void draw_gaps(Workspace& ws)
    {
        const size_t t = std::min(m_shown, m_state->types().size() - 1);
        const double radius = m_state->types()[t].radii_m.back();
        const auto [pts, uncovered] = uncovered_enterprises(ws, t, radius);
        geo::Layer gaps = geo::gap_areas(pts, m_jobs, uncovered, radius);
        if (gaps.size() == 0) {
            m_gaps_note = "Every enterprise is covered: no gap areas.";
            return;
        }
        m_gaps_note = std::to_string(gaps.size()) + (gaps.size() == 1 ? " gap area" : " gap areas") + " for " +
                      m_state->types()[t].code + " in the layer 'coverage gaps'";
        auto [data, view] = computed_view(std::move(gaps), "coverage gaps", ws.doc->origin);
        view.style.mode = geo::StyleMode::Single;
        view.style.fill = geo::rgba(230, 60, 40, 70);
        view.style.stroke = geo::rgba(200, 30, 20);
        view.style.stroke_width_px = 2;
        ws.add_or_replace_computed(std::move(data), std::move(view));
    }

    // The single best new location for the selected type (geo::best_new_location).
    void suggest(Workspace& ws)
    {
        const size_t t = std::min(m_shown, m_state->types().size() - 1);
        const double radius = m_state->types()[t].radii_m.back();
        const auto [pts, uncovered] = uncovered_enterprises(ws, t, radius);
        m_suggestion = geo::best_new_location(pts, m_jobs, uncovered, radius);
        m_suggestion_version = m_version;
        m_suggestion_type = t;
        if (m_suggestion->enterprises == 0) m_suggestion.reset();
    }

    void tools(Workspace& ws)
    {
        ImGui::Separator();
        ImGui::TextUnformatted("What if (click on the map):");
        ImGui::RadioButton("Select", &m_tool, 0);
        ImGui::SameLine();
        ImGui::RadioButton("Add", &m_tool, 1);
        ImGui::SameLine();
        ImGui::RadioButton("Move", &m_tool, 2);
        ImGui::SameLine();
        ImGui::RadioButton("Delete", &m_tool, 3);
        ws.map_tool = m_tool == 0 ? MapTool::Select : MapTool::Edit;
        if (m_tool == 1) {
            const auto& types = m_state->types();
            if (ImGui::BeginCombo("Type to add", types[std::min(m_shown, types.size() - 1)].code.c_str())) {
                for (size_t t = 0; t < types.size(); ++t)
                    if (ImGui::Selectable(types[t].code.c_str(), t == m_shown)) m_shown = t;
                ImGui::EndCombo();
            }
        }
        // The workspace's one history (Ctrl+Z / Ctrl+Y): what-if edits sit in it beside style edits.
        if (ImGui::Button("Undo") && !ws.undo.empty()) ws.undo_edit();
        ImGui::SameLine();
        if (ImGui::Button("Redo") && !ws.redo.empty()) ws.redo_edit();
        ImGui::SameLine();
        ImGui::Text("%zu edits in the scenario (saved with the project)", m_applied);
        if (m_move_from >= 0) ImGui::TextDisabled("now click where the facility should go");
        for (const geo::Coord& at : ws.map_clicks) click(ws, at);
        ws.map_clicks.clear();
    }

    // The live facility nearest to a click, within 12 pixels.
    std::optional<uint32_t> facility_at(const Workspace& ws, geo::Coord at) const
    {
        std::optional<uint32_t> best;
        double bd = 12 * ws.camera.metres_per_pixel();
        for (uint32_t id = 0; id < m_state->facility_count(); ++id) {
            if (!m_state->alive(id)) continue;
            const geo::Coord c = m_state->facility(id);
            const double d = std::hypot(c.x - at.x, c.y - at.y);
            if (d <= bd) {
                bd = d;
                best = id;
            }
        }
        return best;
    }

    void click(Workspace& ws, geo::Coord at)
    {
        if (m_tool == 1) {
            uint32_t id = 0;
            const int32_t type = static_cast<int32_t>(std::min(m_shown, m_state->types().size() - 1));
            m_state->add(at, type, &id);
            if (m_net) m_net->add(at, type);
            record(ws, {Edit::Add, id, type, at, at});
        } else if (m_tool == 2) {
            if (m_move_from < 0) {
                if (auto id = facility_at(ws, at)) m_move_from = static_cast<int64_t>(*id);
            } else {
                const uint32_t id = static_cast<uint32_t>(m_move_from);
                const geo::Coord from = m_state->facility(id);
                m_state->move(id, at);
                if (m_net) m_net->move(id, at);
                record(ws, {Edit::Move, id, 0, from, at});
                m_move_from = -1;
            }
        } else if (m_tool == 3) {
            if (auto id = facility_at(ws, at)) {
                const geo::Coord where = m_state->facility(*id);
                m_state->remove(*id);
                if (m_net) m_net->remove(*id);
                record(ws, {Edit::Remove, *id, 0, where, where});
            }
        }
    }

    void marks(Workspace& ws)
    {
        const size_t t = std::min(m_shown, m_state->types().size() - 1);
        const double radius = m_state->types()[t].radii_m.back();
        const geo::Envelope view = ws.camera.visible();
        const geo::LoadedLayer& firms = layer(ws, geo::Role::Enterprises);
        // Small marks when zoomed out (a whole city of them would merge into blobs), at most 20k.
        const float mark = ws.camera.metres_per_pixel() > 50 ? 1.2f : 2.5f;
        size_t drawn = 0;
        for (size_t e = 0; e < firms.data->size() && drawn < 20000; ++e) {
            const geo::Coord c = firms.data->geometry.first_coord(e);
            if (!view.contains(c.x, c.y) || m_state->distance(t, e) <= radius) continue;
            ws.markers.push_back({c, geo::rgba(220, 30, 30, 200), mark, false});
            ++drawn;
        }
        for (size_t k = 0; k < m_applied; ++k) {
            const Edit& e = m_edits[k];
            if (e.op == Edit::Remove) ws.markers.push_back({e.from, geo::rgba(200, 0, 0), 7, true});
            else ws.markers.push_back({e.to, geo::rgba(20, 160, 60), 7, false});
            if (e.op == Edit::Move) ws.markers.push_back({e.from, geo::rgba(150, 150, 150), 6, true});
        }
        if (m_move_from >= 0) ws.markers.push_back({m_state->facility(static_cast<uint32_t>(m_move_from)), geo::rgba(255, 140, 0), 9, false});
        if (m_suggestion && m_suggestion_version == m_version && m_suggestion_type == t)
            ws.markers.push_back({m_suggestion->at, geo::rgba(30, 90, 220), 9, false});
    }

    const Document* m_doc = nullptr;
    char m_path[512] = "datasets/standards/facility_service_radii.csv";
    std::vector<geo::FacilityType> m_types;
    struct Breakdown {
        std::string key;  // what the rows were computed for
        std::vector<geo::CoverageRow> rows;
    };
    std::map<std::string, Breakdown> m_breakdowns;  // by meaning (cluster, tier)
    geo::CoverageSettings m_settings;  // the project's analysis.coverage, as the command reads it
    bool m_radii_edited = false;       // the planner changed radii here: they are saved inline
    std::vector<double> m_jobs;
    std::shared_ptr<const geo::CoverageState> m_base;
    std::unique_ptr<geo::CoverageState> m_state;
    // Along the roads (when asked and the project has roads): the network outlives its states.
    bool m_by_road = false;
    std::shared_ptr<geo::RoadNetwork> m_network;
    std::shared_ptr<const geo::NetworkCoverageState> m_net_base;
    std::unique_ptr<geo::NetworkCoverageState> m_net;
    std::vector<Edit> m_edits;
    size_t m_applied = 0;
    size_t m_shown = 0;
    int m_tool = 0;
    int64_t m_move_from = -1;
    int32_t m_area = -1;  // -1: the study area; else a park
    uint64_t m_version = 0, m_rows_version = ~0ull, m_suggestion_version = 0;
    int32_t m_rows_area = -2;
    std::string m_rows_radii;
    std::vector<Row> m_rows;
    std::optional<geo::SiteSuggestion> m_suggestion;
    std::string m_gaps_note;
    size_t m_suggestion_type = 0;
    std::string m_error;
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_coverage = register_panel({90, "coverage", true, [] { return std::unique_ptr<Panel>(std::make_unique<CoveragePanel>()); }});

}  // namespace gui
