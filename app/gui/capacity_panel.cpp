// Carrying capacity: a dashboard per park (a bar per limiting factor against today's jobs,
// the binding one in red), the planners' indicators, the standards-compliance map, a scenario
// editor (edits made in forms and on the map, kept in the project) and a comparison of the
// scenarios with the baseline. Evaluation is geo::run_capacity, the same as `parkcap capacity`,
// on a worker thread: the panel shows the last result until the new one is in.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>

#include <imgui.h>

#include "geo/capacity/compliance.h"
#include "geo/report/capacity_outputs.h"
#include "geo/report/text_format.h"
#include "geo/scenario/edits.h"

#include "geo/capacity/capacity_run.h"
#include "geo/capacity/scenario.h"
#include "geo/core/polygon_locator.h"
#include "geo/io/crs.h"
#include "gui/panels.h"

namespace gui {

namespace {


struct Outcome {
    std::shared_ptr<const geo::CapacityBase> base;
    std::vector<geo::CapacityRun> runs;  // the baseline first, unless partial
    bool partial = false;                // one scenario only, to put in place of its old run
    std::string error;
    double seconds = 0;
};

class CapacityPanel : public Panel {
public:
    const char* name() const override { return "capacity"; }
    void draw(Workspace& ws) override
    {
        m_busy = ws.tasks.running("capacity");
        if (!visible) {
            if (m_tool != Tool::None && ws.map_tool == MapTool::Edit) ws.map_tool = MapTool::Select;
            m_tool = Tool::None;
            return;
        }
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Size.x - 640, 40), ImGuiCond_FirstUseEver);
        ImGui::SetNextWindowSize(ImVec2(620, 820), ImGuiCond_FirstUseEver);
        // Among all the panels it would cover the coverage panel: there it starts folded (a
        // click on its title opens it); asked for with --panel, it opens unfolded.
        if (ws.default_layout) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
        if (!ImGui::Begin("Capacity", &visible)) return ImGui::End();
        if (!ws.doc || ws.doc->view_with_role(geo::Role::Parks) < 0 || ws.doc->view_with_role(geo::Role::Enterprises) < 0) {
            ImGui::TextDisabled("The project needs parks and enterprises layers.");
            return ImGui::End();
        }
        if (m_doc != ws.doc.get()) open_document(ws);
        if (m_dirty && !m_busy) start(ws);
        if (!m_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
            ImGui::TextWrapped("%s", m_error.c_str());
            ImGui::PopStyleColor();
        }
        if (m_runs.empty()) {
            if (m_busy) ImGui::TextDisabled("evaluating...");
            return ImGui::End();
        }
        choosers(ws);
        if (ImGui::BeginTabBar("capacity_tabs")) {
            if (ImGui::BeginTabItem("Dashboard")) {
                dashboard(ws);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Scenario editor")) {
                editor(ws);
                ImGui::EndTabItem();
            } else if (m_tool != Tool::None) {
                set_tool(ws, m_tool);  // leaving the editor puts the map tool down
            }
            if (ImGui::BeginTabItem("Comparison")) {
                comparison();
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        marks(ws);
        ImGui::End();
    }

private:
    enum class Tool { None, AddFacility, DrawBoundary };

    void open_document(Workspace& ws)
    {
        m_doc = ws.doc.get();
        m_base.reset();
        m_runs.clear();
        m_error.clear();
        m_park = 0;
        m_park_chosen = false;
        m_warned = false;
        m_scenario = 0;
        m_dirty = true;
        m_only.clear();
        m_site_park = SIZE_MAX;
        m_tool = Tool::None;
        m_ring.clear();
    }

    // Something changed in `scenario` (empty: in the data or several scenarios): evaluate again.
    void mark_dirty(const std::string& scenario)
    {
        if (!m_dirty) m_only = scenario;
        else if (m_only != scenario) m_only.clear();
        m_dirty = true;
    }

    // Evaluates the baseline and every scenario of the project as it is now, or only the one
    // scenario that changed (the others stand).
    void start(Workspace& ws)
    {
        const std::string only = m_base && !m_runs.empty() ? m_only : std::string();
        m_dirty = false;
        m_only.clear();
        m_busy = true;
        // A snapshot of the project (shared layers) and its settings and scenarios by value:
        // the planner may go on editing scenarios while this runs.
        auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
        const geo::Project project = snapshot->project;
        const geo::Crs working = snapshot->working.crs;
        std::shared_ptr<const geo::CapacityBase> base = m_base;
        ws.tasks.start("capacity", [this, snapshot, project, working, base, only](const geo::Progress&) mutable -> TaskRunner::Finish {
            auto out = std::make_shared<Outcome>();
            out->partial = !only.empty();
            const auto t0 = std::chrono::steady_clock::now();
            try {
                if (!base) base = std::make_shared<const geo::CapacityBase>(geo::capacity_base(*snapshot));
                out->base = base;
                if (only.empty()) out->runs.push_back(geo::run_capacity(project, working, *base, ""));
                for (const std::string& name : geo::scenario_names(project)) {
                    if (!only.empty() && name != only) continue;
                    try {
                        out->runs.push_back(geo::run_capacity(project, working, *base, name));
                    } catch (const std::exception& e) {
                        out->error += (out->error.empty() ? "" : "\n") + std::string(e.what());
                        out->runs.push_back({name, {}, {}, {}, {"could not be evaluated"}});
                    }
                }
            } catch (const std::exception& e) {
                out->error = e.what();
            }
            out->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            return [this, out](Workspace& w) { finish(w, *out); };
        });
    }

    void finish(Workspace& ws, Outcome& out)
    {
        if (m_doc == ws.doc.get()) {
            if (out.base) m_base = out.base;
            if (out.partial) {
                for (auto& run : out.runs)
                    for (auto& mine : m_runs)
                        if (mine.scenario == run.scenario) mine = std::move(run);
            } else if (!out.runs.empty()) {
                m_runs = std::move(out.runs);
            }
            // Scenarios deleted while this was evaluated.
            const auto names = geo::scenario_names(ws.doc->project.project);
            std::erase_if(m_runs, [&](const geo::CapacityRun& r) {
                return !r.scenario.empty() && std::find(names.begin(), names.end(), r.scenario) == names.end();
            });
            m_error = out.error;
            m_seconds = out.seconds;
            if (!m_error.empty()) ws.warn("capacity: " + m_error);
            if (!m_warned && !m_runs.empty()) {  // the data's shortcomings, once per project
                for (const auto& n : m_runs.front().input.notes) ws.info("capacity: " + n);
                for (const auto& w : m_runs.front().result.warnings) ws.warn("capacity: " + w);
                m_warned = true;
            }
            m_scenario = std::min(m_scenario, m_runs.empty() ? 0 : m_runs.size() - 1);
            if (!m_park_chosen && !m_runs.empty()) {  // start with the park in view
                const geo::Envelope v = ws.camera.visible();
                const geo::Coord c{(v.min_x + v.max_x) / 2, (v.min_y + v.max_y) / 2};
                const auto& parks = m_runs.front().input.parks;
                double best = std::numeric_limits<double>::infinity();
                for (size_t p = 0; p < parks.size(); ++p) {
                    const geo::PolygonLocator loc(parks, p);
                    const geo::Envelope& e = loc.envelope();
                    // Inside wins; else the nearest envelope (the centre may fall in a hole).
                    const double d = loc.contains(c.x, c.y) ? -1.0
                                                             : std::hypot(std::max({e.min_x - c.x, 0.0, c.x - e.max_x}),
                                                                          std::max({e.min_y - c.y, 0.0, c.y - e.max_y}));
                    if (d < best) {
                        best = d;
                        m_park = p;
                    }
                }
                m_park_chosen = true;
            }
        }
        m_busy = false;
        ws.capacity_computed = true;
    }

    const geo::CapacityRun& run() const { return m_runs[m_scenario]; }
    bool evaluated(const geo::CapacityRun& r) const { return r.result.parks.size() == m_runs.front().result.parks.size(); }

    void choosers(Workspace& ws)
    {
        const auto& parks = m_runs.front().result.parks;
        m_park = std::min(m_park, parks.size() - 1);
        ImGui::SetNextItemWidth(260);
        if (ImGui::BeginCombo("Park", parks[m_park].name.c_str())) {
            for (size_t p = 0; p < parks.size(); ++p)
                if (ImGui::Selectable(parks[p].name.c_str(), p == m_park)) m_park = p;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(230);
        const std::string shown = m_scenario == 0 ? "baseline" : m_runs[m_scenario].scenario;
        if (ImGui::BeginCombo("Scenario", shown.c_str())) {
            for (size_t s = 0; s < m_runs.size(); ++s)
                if (ImGui::Selectable(s == 0 ? "baseline" : m_runs[s].scenario.c_str(), s == m_scenario)) m_scenario = s;
            ImGui::EndCombo();
        }
        if (ImGui::Button("Compliance map")) compliance_layer(ws);
        ImGui::SameLine();
        ImGui::TextDisabled("last evaluation %.0f ms%s", m_seconds * 1000, m_busy ? " (updating...)" : "");
    }

    // A bar per factor: the jobs it allows, today's jobs as a black line; the binding one red.
    void dashboard(Workspace&)
    {
        const geo::CapacityRun& r = run();
        if (!evaluated(r)) {
            ImGui::TextDisabled(m_busy || m_dirty ? "evaluating..." : "This scenario could not be evaluated (see the message above).");
            return;
        }
        const geo::ParkCapacity& pc = r.result.parks[m_park];
        double top = pc.jobs;
        for (const auto& f : pc.factors)
            if (f.given && std::isfinite(f.jobs_supported)) top = std::max(top, f.jobs_supported);
        top *= 1.05;
        ImGui::Text("Capacity %s jobs, %s today: headroom %s. Binding: %s", geo::grouped(pc.capacity_jobs).c_str(), geo::grouped(pc.jobs).c_str(),
                    geo::signed_grouped(pc.headroom_jobs).c_str(), geo::binding_text(pc.binding).c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float label_w = 150, bar_w = std::max(120.0f, ImGui::GetContentRegionAvail().x - label_w - 170), h = ImGui::GetTextLineHeight();
        for (const auto& f : pc.factors) {
            ImGui::TextUnformatted(f.factor.c_str());
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
            if (!f.given) ImGui::TextDisabled("no capacity given");
            else if (f.binding) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s jobs (binding)", geo::grouped(f.jobs_supported).c_str());
            else ImGui::Text("%s jobs (%s)", geo::grouped(f.jobs_supported).c_str(), geo::signed_grouped(f.headroom_jobs).c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s: capacity %s %s, used %s, %.3g per new job", f.factor.c_str(), geo::grouped(f.capacity).c_str(), f.unit.c_str(),
                                  geo::grouped(f.used).c_str(), f.per_new_job);
        }
        ImGui::TextDisabled("Bars: jobs each factor allows; black line: today's jobs.");
        if (ImGui::BeginTable("numbers", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
            auto row = [](const char* a, const std::string& b, const char* c, const std::string& d) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(a);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(b.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(c);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(d.c_str());
            };
            auto ha = [](double m2) {
                char b[32];
                std::snprintf(b, sizeof b, "%.1f ha", m2 / 1e4);
                return std::string(b);
            };
            auto fixed = [](double v, const char* f) {
                char b[32];
                std::snprintf(b, sizeof b, f, v);
                return std::string(b);
            };
            row("Gross area", ha(pc.gross_m2), "综合容积率 (comprehensive FAR)", fixed(pc.comprehensive_far, "%.2f"));
            row("Constraints", ha(pc.constrained_m2), "建筑密度 (building density)", fixed(pc.building_density, "%.2f"));
            row("Developable", ha(pc.developable_m2), "Industrial land share", fixed(pc.industrial_land_share, "%.2f"));
            row("Vacant", ha(pc.vacant_m2), "Output per mu (万元)", fixed(pc.output_per_mu, "%.1f"));
            row("Permitted FAR", fixed(pc.permitted_far, "%.2f") + " (" + pc.far_source + ")", "Tax per mu (万元)", fixed(pc.tax_per_mu, "%.2f"));
            row("Floor capacity", geo::grouped(pc.floor_capacity_m2) + " m²", "Jobs per ha", fixed(pc.jobs_per_ha, "%.1f"));
            row("Remaining floor", geo::grouped(pc.remaining_floor_m2) + " m²", "Output per ha (万元)", fixed(pc.output_per_ha, "%.0f"));
            row("Available floor", geo::grouped(pc.available_floor_m2) + " m²", "Densification potential", geo::grouped(pc.densification_potential_m2) + " m²");
            row("New jobs (floor)", geo::grouped(pc.remaining_jobs), "Dormitory beds", geo::grouped(pc.dormitory_beds));
            row("New enterprises", geo::grouped(pc.remaining_enterprises), "Plots failing / under-used",
                std::to_string(pc.plots_failing) + " / " + std::to_string(pc.plots_underused));
            ImGui::EndTable();
        }
        std::string tiers;
        for (const auto& [t, n] : pc.tiers) {
            char share[32];
            std::snprintf(share, sizeof share, " (%.1f%%)", 100.0 * static_cast<double>(n) / static_cast<double>(std::max<int64_t>(pc.enterprises, 1)));
            tiers += (tiers.empty() ? "" : ", ") + t + " " + std::to_string(n) + share;
        }
        ImGui::TextWrapped("Tiers: %s", tiers.c_str());
        ImGui::TextWrapped("Characteristic clusters: %s", pc.characteristic_clusters.empty() ? "none" : geo::joined(pc.characteristic_clusters, ", ").c_str());
        std::string cov;
        for (const auto& [t, v] : pc.coverage) cov += (cov.empty() ? "" : ", ") + t + " " + std::to_string(static_cast<int>(std::lround(v * 100))) + "%";
        if (!cov.empty()) ImGui::TextWrapped("Employees within reach: %s", cov.c_str());
        const geo::ParkGrowth& g = r.growth[m_park];
        if (g.years.empty()) ImGui::TextDisabled("No growth targets in the project.");
        else if (g.shortfall_year) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "With the growth targets it runs short of %s in %d.", g.short_of.c_str(), g.shortfall_year);
        else ImGui::Text("With the growth targets it has room through %d.", g.years.back().year);
    }

    // Every plot coloured by its compliance class, the command's very layer (compliance.h).
    void compliance_layer(Workspace& ws)
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
        ws.info("capacity: the layer 'standards compliance' shows every plot: fails a rule (first), under-used, passes; "
                "plots outside every park are grey, as no park rule applies to them");
    }

    geo::Json& scenarios(Workspace& ws)
    {
        geo::Json& extra = ws.doc->project.project.extra;
        if (!extra.contains("scenarios") || !extra["scenarios"].is_array()) extra["scenarios"] = geo::Json::array();
        return extra["scenarios"];
    }

    geo::Json* current(Workspace& ws)
    {
        if (m_scenario == 0) return nullptr;
        for (auto& s : scenarios(ws))
            if (s.value("name", "") == m_runs[m_scenario].scenario) return &s;
        return nullptr;
    }

    // A typed edit added to the current scenario, and an entry in the workspace's one undo
    // history (Ctrl+Z takes it out again and re-evaluates the scenario).
    void add_edit(Workspace& ws, const geo::Json& json)
    {
        if (!current(ws)) return;
        const std::string name = m_runs[m_scenario].scenario;
        try {
            const geo::Edit edit = geo::edit_from_json(json);
            const geo::Scenario before = geo::scenario_named(ws.doc->project.project, name);
            geo::Scenario after = before;
            after.edits.push_back(edit);
            geo::store_scenario(ws.doc->project.project, after, true);
            mark_dirty(name);
            const Document* doc = ws.doc.get();
            auto put = [this, doc, name](Workspace& w, const geo::Scenario& s) {
                if (w.doc.get() != doc) return;  // another project since
                geo::store_scenario(w.doc->project.project, s, true);
                if (std::any_of(m_runs.begin(), m_runs.end(), [&](const geo::CapacityRun& r) { return r.scenario == name; })) mark_dirty(name);
            };
            ws.push_edit({"scenario '" + name + "': " + std::string(geo::type_name(edit)), [put, before](Workspace& w) { put(w, before); },
                          [put, after](Workspace& w) { put(w, after); }});
        } catch (const std::exception& e) {
            ws.error("capacity: " + std::string(e.what()));
        }
    }

    std::string park_key() const
    {
        const auto& pc = m_runs.front().result.parks[m_park];
        return pc.code.empty() ? pc.name : pc.code;
    }

    void editor(Workspace& ws)
    {
        ImGui::SetNextItemWidth(240);
        ImGui::InputText("##new", m_new_name, sizeof m_new_name);
        ImGui::SameLine();
        if (ImGui::Button("New scenario") && m_new_name[0]) {
            const std::string name = m_new_name;
            const auto names = geo::scenario_names(ws.doc->project.project);
            if (std::find(names.begin(), names.end(), name) != names.end()) {
                ws.warn("capacity: a scenario named '" + name + "' exists already");
            } else {
                scenarios(ws).push_back({{"name", name}, {"edits", geo::Json::array()}});
                m_runs.push_back({name, {}, {}, {}, {}});
                m_scenario = m_runs.size() - 1;
                mark_dirty(name);
            }
        }
        geo::Json* s = current(ws);
        if (!s) {
            ImGui::TextDisabled("Choose or create a scenario to edit; the baseline stays as the data are.");
            return;
        }
        ImGui::SameLine();
        if (ImGui::Button("Delete scenario")) {
            auto& list = scenarios(ws);
            for (size_t k = 0; k < list.size(); ++k)
                if (list[k].value("name", "") == m_runs[m_scenario].scenario) list.erase(k);
            m_runs.erase(m_runs.begin() + static_cast<std::ptrdiff_t>(m_scenario));
            m_scenario = 0;  // nothing to evaluate: the others stand
            return;
        }
        const std::string park = park_key();
        ImGui::Separator();
        ImGui::Text("Add an edit for %s:", m_runs.front().result.parks[m_park].name.c_str());
        ImGui::SetNextItemWidth(90);
        ImGui::InputDouble("FAR##raise", &m_far, 0, 0, "%.2f");
        ImGui::SameLine();
        if (ImGui::Button("Raise FAR")) add_edit(ws, {{"type", "raise_far"}, {"park", park}, {"far", m_far}});
        ImGui::SameLine();
        if (ImGui::Button("Redevelop under-used plots")) add_edit(ws, {{"type", "redevelop"}, {"park", park}});
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
            if (ImGui::Button("Upgrade capacity by"))
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
                ImGui::InputInt("storeys", &m_storeys, 0);
                ImGui::SameLine();
                ImGui::SetNextItemWidth(80);
                ImGui::InputDouble("m² each", &m_footprint, 0, 0, "%.0f");
                ImGui::SameLine();
                ImGui::SetNextItemWidth(60);
                ImGui::InputDouble("beds", &m_beds, 0, 0, "%.0f");
                ImGui::SameLine();
                if (ImGui::Button("Add standard factory"))
                    add_edit(ws, {{"type", "standard_factory"}, {"site", in.site_name[m_sites[m_site]]}, {"storeys", std::max(1, m_storeys)},
                                  {"footprint_m2", m_footprint}, {"beds", m_beds}});
            } else {
                ImGui::TextDisabled("The park has no site parcels for a standard factory.");
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
            ImGui::InputDouble("capacity##fac", &m_capacity, 0, 0, "%.0f");
            ImGui::SameLine();
            if (ImGui::RadioButton("Add facility by clicking", m_tool == Tool::AddFacility)) set_tool(ws, Tool::AddFacility);
        }
        if (ImGui::RadioButton("Draw a boundary extension", m_tool == Tool::DrawBoundary)) set_tool(ws, Tool::DrawBoundary);
        if (m_tool == Tool::DrawBoundary) {
            ImGui::SameLine();
            ImGui::Text("%zu points", m_ring.size());
            ImGui::SameLine();
            if (ImGui::Button("Finish") && m_ring.size() >= 3) {
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
            if (ImGui::Button("Cancel")) {
                m_ring.clear();
                set_tool(ws, Tool::None);
            }
        }
        if (m_tool != Tool::None) ImGui::TextDisabled("Click on the map; Ctrl+S saves the scenario with the project.");
        // The edits so far, each with a delete button (below the forms, which so stay in place).
        ImGui::Separator();
        ImGui::TextUnformatted("Edits in this scenario:");
        if (s->contains("edits") && (*s)["edits"].is_array()) {
            auto& edits = (*s)["edits"];
            for (size_t k = 0; k < edits.size(); ++k) {
                ImGui::PushID(static_cast<int>(k));
                if (ImGui::SmallButton("x")) {
                    edits.erase(k);
                    mark_dirty(m_runs[m_scenario].scenario);
                    ImGui::PopID();
                    break;
                }
                ImGui::SameLine();
                ImGui::TextWrapped("%s", edits[k].dump().c_str());
                ImGui::PopID();
            }
        }
        for (const auto& n : run().notes) ImGui::TextDisabled("%s", n.c_str());
        for (const geo::Coord& at : ws.map_clicks) click(ws, at);
        if (m_tool != Tool::None) ws.map_clicks.clear();
    }

    // The site parcels of the chosen park (for the site forms).
    void refresh_sites()
    {
        if (m_site_park == m_park) return;
        m_sites.clear();
        const auto where = geo::sites_in_parks(m_runs.front().input);
        for (size_t k = 0; k < where.size(); ++k)
            if (where[k] == static_cast<int32_t>(m_park)) m_sites.push_back(k);
        m_site_park = m_park;
        m_site = 0;
    }

    void set_tool(Workspace& ws, Tool t)
    {
        m_tool = m_tool == t ? Tool::None : t;
        ws.map_tool = m_tool == Tool::None ? MapTool::Select : MapTool::Edit;
    }

    void click(Workspace& ws, geo::Coord at)
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
        }
    }

    void marks(Workspace& ws)
    {
        for (const geo::Coord& c : m_ring) ws.markers.push_back({c, geo::rgba(120, 40, 170), 6, false});
        const geo::CapacityRun& r = run();
        const auto& base_in = m_runs.front().input;
        for (size_t k = base_in.facility_xy.size(); k < r.input.facility_xy.size(); ++k)
            ws.markers.push_back({r.input.facility_xy[k], geo::rgba(20, 160, 60), 7, false});
    }

    // The selected park: every indicator in the baseline and each scenario, with the change.
    void indicator_table()
    {
        const auto& base = m_runs.front();
        const geo::ParkCapacity& b = base.result.parks[m_park];
        ImGui::Text("%s: every indicator, the baseline and each scenario (change)", b.name.c_str());
        struct Indicator {
            std::string label;
            std::function<double(const geo::CapacityRun&, const geo::ParkCapacity&)> value;
            const char* format;
        };
        std::vector<Indicator> rows = {
            {"Capacity (jobs)", [](const auto&, const auto& p) { return p.capacity_jobs; }, "%.0f"},
            {"Headroom (jobs)", [](const auto&, const auto& p) { return p.headroom_jobs; }, "%.0f"},
            {"Gross area (ha)", [](const auto&, const auto& p) { return p.gross_m2 / 1e4; }, "%.1f"},
            {"Developable (ha)", [](const auto&, const auto& p) { return p.developable_m2 / 1e4; }, "%.1f"},
            {"Vacant (ha)", [](const auto&, const auto& p) { return p.vacant_m2 / 1e4; }, "%.1f"},
            {"Permitted FAR", [](const auto&, const auto& p) { return p.permitted_far; }, "%.2f"},
            {"Floor capacity (m²)", [](const auto&, const auto& p) { return p.floor_capacity_m2; }, "%.0f"},
            {"Available floor (m²)", [](const auto&, const auto& p) { return p.available_floor_m2; }, "%.0f"},
            {"  of it redeveloped (m²)", [](const auto&, const auto& p) { return p.redevelopment_m2; }, "%.0f"},
            {"  of it standard factories (m²)", [](const auto&, const auto& p) { return p.factory_floor_m2; }, "%.0f"},
            {"New jobs (floor)", [](const auto&, const auto& p) { return p.remaining_jobs; }, "%.0f"},
            {"New enterprises", [](const auto&, const auto& p) { return p.remaining_enterprises; }, "%.0f"},
            {"Dormitory beds", [](const auto&, const auto& p) { return p.dormitory_beds; }, "%.0f"},
            {"综合容积率", [](const auto&, const auto& p) { return p.comprehensive_far; }, "%.3f"},
        };
        for (const auto& f : b.factors) {
            const std::string name = f.factor;
            rows.push_back({"Jobs allowed by " + name, [name](const auto&, const geo::ParkCapacity& p) {
                                for (const auto& x : p.factors)
                                    if (x.factor == name) return x.given ? x.jobs_supported : std::nan("");
                                return std::nan("");
                            }, "%.0f"});
        }
        for (const auto& [type, v] : b.coverage) {
            const std::string t = type;
            rows.push_back({"Employees within reach of " + t + " (%)", [t](const auto&, const geo::ParkCapacity& p) {
                                const auto it = p.coverage.find(t);
                                return it == p.coverage.end() ? std::nan("") : 100 * it->second;
                            }, "%.1f"});
        }
        const size_t cols = 2 + (m_runs.size() - 1);
        if (!ImGui::BeginTable("indicators", static_cast<int>(cols), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX)) return;
        ImGui::TableSetupColumn("Indicator");
        ImGui::TableSetupColumn("Baseline");
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
            ImGui::TextUnformatted("Binding factor");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(geo::binding_text(b.binding).c_str());
            for (size_t s = 1; s < m_runs.size(); ++s) {
                ImGui::TableNextColumn();
                if (!evaluated(m_runs[s])) continue;
                const auto& p = m_runs[s].result.parks[m_park];
                if (p.binding == b.binding) ImGui::TextDisabled("%s", geo::binding_text(p.binding).c_str());
                else ImGui::TextColored(ImVec4(0.1f, 0.4f, 0.7f, 1), "%s", geo::binding_text(p.binding).c_str());
            }
        };
        binding_row();
        for (const Indicator& ind : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ind.label.c_str());
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

    // Every park: the baseline's capacity and binding factor, and each scenario's change.
    void comparison()
    {
        const size_t cols = 3 + (m_runs.size() - 1);
        const float row_h = ImGui::GetTextLineHeightWithSpacing() + 4;
        const float height = row_h * static_cast<float>(std::min<size_t>(m_runs.front().result.parks.size() + 2, 12));
        if (!ImGui::BeginTable("compare", static_cast<int>(cols), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY,
                               ImVec2(0, height)))
            return;
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Park");
        ImGui::TableSetupColumn("Capacity (jobs)");
        ImGui::TableSetupColumn("Binding");
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
            ImGui::TextUnformatted(geo::binding_text(base[p].binding).c_str());
            for (size_t s = 1; s < m_runs.size(); ++s) {
                ImGui::TableNextColumn();
                if (!evaluated(m_runs[s])) {
                    ImGui::TextDisabled("error");
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
                                   moved ? ", now " : "", moved ? geo::binding_text(pc.binding).c_str() : "");
            }
        }
        ImGui::EndTable();
        indicator_table();
    }

    const Document* m_doc = nullptr;
    std::shared_ptr<const geo::CapacityBase> m_base;
    std::vector<geo::CapacityRun> m_runs;
    std::string m_error;
    double m_seconds = 0;
    bool m_dirty = true, m_park_chosen = false, m_warned = false;
    std::string m_only;  // with m_dirty: the one scenario to evaluate again (empty: all)
    size_t m_park = 0, m_scenario = 0, m_factor = 0, m_type = 0, m_site = 0, m_site_park = SIZE_MAX;
    std::vector<size_t> m_sites;
    char m_new_name[128] = "my scenario";
    double m_far = 2.5, m_add = 10000, m_footprint = 5000, m_beds = 0, m_capacity = 500;
    int m_storeys = 5;
    Tool m_tool = Tool::None;
    std::vector<geo::Coord> m_ring;
    bool m_busy = false;  // a capacity task runs (as of this frame)
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_capacity = register_panel({100, "capacity", true, [] { return std::unique_ptr<Panel>(std::make_unique<CapacityPanel>()); }});

}  // namespace gui
