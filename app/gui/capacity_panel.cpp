// Carrying capacity: a dashboard per park (a bar per limiting factor against today's jobs,
// the binding one in red), the planners' indicators, the standards-compliance map, a scenario
// editor (edits made in forms and on the map, kept in the project) and a comparison of the
// scenarios with the baseline. Evaluation is geo::run_capacity, the same as `parkcap capacity`,
// on a worker thread: the panel shows the last result until the new one is in.
#include "gui/capacity_panel.h"

#include "geo/report/text_format.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include <imgui.h>

#include "geo/capacity/capacity_run.h"
#include "geo/capacity/scenario.h"
#include "geo/core/polygon_locator.h"
#include "geo/report/text_format.h"
#include "gui/panels.h"
#include "gui/i18n.h"

namespace gui {

void CapacityPanel::draw(Workspace& ws)
{
    m_busy = ws.tasks.running("capacity");
    if (!on_screen) {
        if (m_tool != Tool::None && ws.map_tool == MapTool::Edit) ws.map_tool = MapTool::Select;
        m_tool = Tool::None;
        return;
    }
    if (!begin_panel("Capacity")) return end_panel();
    if (!ws.doc || ws.doc->view_with_role(geo::Role::Parks) < 0 || ws.doc->view_with_role(geo::Role::Enterprises) < 0) {
        ImGui::TextDisabled("%s", tr("The project needs parks and enterprises layers."));
        return end_panel();
    }
    if (m_doc != ws.doc.get()) open_document(ws);
    if (m_dirty && !m_busy) start(ws);
    if (!m_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
        ImGui::TextWrapped("%s", m_error.c_str());
        ImGui::PopStyleColor();
    }
    if (m_runs.empty()) {
        if (m_busy) ImGui::TextDisabled("%s", tr("evaluating..."));
        return end_panel();
    }
    choosers(ws);
    if (ImGui::BeginTabBar("capacity_tabs")) {
        if (ImGui::BeginTabItem(tr("Dashboard"))) {
            dashboard(ws);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr("Scenario editor"))) {
            editor(ws);
            ImGui::EndTabItem();
        } else if (m_tool != Tool::None) {
            set_tool(ws, m_tool);  // leaving the editor puts the map tool down
        }
        if (ImGui::BeginTabItem(tr("Comparison"))) {
            comparison(ws.doc->units);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    marks(ws);
    end_panel();
}

void CapacityPanel::open_document(Workspace& ws)
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

void CapacityPanel::mark_dirty(const std::string& scenario)
{
    if (!m_dirty) m_only = scenario;
    else if (m_only != scenario) m_only.clear();
    m_dirty = true;
}

void CapacityPanel::start(Workspace& ws)
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
                    geo::CapacityRun failed;
                    failed.scenario = name;
                    failed.notes = {"could not be evaluated"};
                    out->runs.push_back(std::move(failed));
                }
            }
        } catch (const std::exception& e) {
            out->error = e.what();
        }
        out->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return [this, out](Workspace& w) { finish(w, *out); };
    });
}

void CapacityPanel::finish(Workspace& ws, Outcome& out)
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
        if (!m_error.empty()) ws.error("capacity: " + m_error);  // a failed evaluation (a --screenshot then fails)
        if (!m_warned && !m_runs.empty()) {  // the data's shortcomings, once per project
            for (const auto& n : m_runs.front().input.notes) ws.info("capacity: " + n);
            for (const auto& w : m_runs.front().result.warnings) ws.warn("capacity: " + w);
            m_warned = true;
        }
        m_scenario = std::min(m_scenario, m_runs.empty() ? 0 : m_runs.size() - 1);
        if (!m_park_chosen && !m_runs.empty()) {  // start with the park in view
            m_park = park_at(ws.camera.centre());
            m_park_chosen = true;
        }
    }
    m_busy = false;
    ws.capacity_computed = true;
}

size_t CapacityPanel::park_at(geo::Coord c) const
{
    const auto& parks = m_runs.front().input.parks;
    double best = std::numeric_limits<double>::infinity();
    size_t pick = 0;
    for (size_t p = 0; p < parks.size(); ++p) {
        const geo::PolygonLocator loc(parks, p);
        const geo::Envelope& e = loc.envelope();
        // Inside wins; else the nearest envelope (the centre may fall in a hole).
        const double d = loc.contains(c.x, c.y) ? -1.0
                                                 : std::hypot(std::max({e.min_x - c.x, 0.0, c.x - e.max_x}),
                                                              std::max({e.min_y - c.y, 0.0, c.y - e.max_y}));
        if (d < best) {
            best = d;
            pick = p;
        }
    }
    return pick;
}

void CapacityPanel::follow(Workspace& ws)
{
    if (m_runs.empty() || m_runs.front().input.parks.size() == 0) return;
    const Selection sel = ws.doc->selection;
    if (sel.view != m_seen_selection.view || sel.row != m_seen_selection.row) {
        m_seen_selection = sel;
        if (!sel.empty()) {
            const LayerView& view = ws.doc->views[static_cast<size_t>(sel.view)];
            if (sel.view == ws.doc->view_with_role(geo::Role::Parks)) m_park = static_cast<size_t>(sel.row);
            else m_park = park_at(ws.doc->layer_of(view).data->geometry.first_coord(static_cast<size_t>(sel.row)));
            return;
        }
    }
    // The view moved (panned or zoomed in to another place, not merely redrawn).
    const geo::Coord c = ws.camera.centre();
    const double mpp = ws.camera.metres_per_pixel();
    const bool moved = std::hypot(c.x - m_seen_centre.x, c.y - m_seen_centre.y) > 50 * mpp || std::abs(mpp - m_seen_mpp) > 0.2 * mpp;
    if (!moved) return;
    const bool first = m_seen_mpp == 0;
    m_seen_centre = c;
    m_seen_mpp = mpp;
    if (!first && mpp < 100) m_park = park_at(c);  // zoomed in far enough to be looking at one park
}

void CapacityPanel::choosers(Workspace& ws)
{
    follow(ws);
    const auto& parks = m_runs.front().result.parks;
    m_park = std::min(m_park, parks.size() - 1);
    ImGui::SetNextItemWidth(260);
    if (ImGui::BeginCombo(tr("Park"), parks[m_park].name.c_str())) {
        for (size_t p = 0; p < parks.size(); ++p)
            if (ImGui::Selectable(parks[p].name.c_str(), p == m_park)) m_park = p;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(230);
    const std::string shown = m_scenario == 0 ? tr("baseline") : m_runs[m_scenario].scenario.c_str();
    if (ImGui::BeginCombo(tr("Scenario"), shown.c_str())) {
        for (size_t s = 0; s < m_runs.size(); ++s)
            if (ImGui::Selectable(s == 0 ? tr("baseline") : m_runs[s].scenario.c_str(), s == m_scenario)) m_scenario = s;
        ImGui::EndCombo();
    }
    if (ImGui::Button(tr("Compliance map"))) compliance_layer(ws);
    ImGui::SameLine();
    ImGui::TextDisabled(tr("last evaluation %.0f ms%s"), m_seconds * 1000, m_busy ? " (updating...)" : "");
    underused_rule(ws);
}

void CapacityPanel::underused_rule(Workspace& ws)
{
    // One meaning of 低效 (under-used) per project: capacity's parameter underused_rule.
    static const char* const kRules[] = {"bottom_share", "performance_class", "site_status"};
    static const char* const kLabels[] = {N_("the bottom share of output or tax per mu, or FAR below the minimum"), N_("the lowest 亩均效益 class"),
                                          N_("the sites' status (低效用地)")};
    geo::Json& extra = ws.doc->project.project.extra;
    const geo::Json* params = nullptr;
    if (extra.contains("analysis") && extra["analysis"].contains("capacity") && extra["analysis"]["capacity"].contains("parameters"))
        params = &extra["analysis"]["capacity"]["parameters"];
    const std::string rule = params && params->contains("underused_rule") && (*params)["underused_rule"].is_string()
                                 ? (*params)["underused_rule"].get<std::string>()
                                 : m_runs.front().tables.parameters.count("underused_rule") ? m_runs.front().tables.parameters.at("underused_rule")
                                                                                           : std::string("bottom_share");
    int chosen = 0;
    for (int k = 0; k < 3; ++k)
        if (rule == kRules[k]) chosen = k;
    ImGui::SetNextItemWidth(300);
    if (ImGui::Combo(tr("Under-used plots (低效) by"), &chosen, tr_items({kLabels[0], kLabels[1], kLabels[2]}).c_str()) && rule != kRules[chosen]) {
        extra["analysis"]["capacity"]["parameters"]["underused_rule"] = kRules[chosen];  // saved with the project
        m_base.reset();  // the rule marks the plots when the base is made
        m_dirty = true;
        m_only.clear();
        ws.info(geo::printf_text(tr("capacity: under-used plots are now marked by %s; every output names the rule"), tr(kLabels[chosen])));
    }
}

geo::Json& CapacityPanel::scenarios(Workspace& ws)
{
    geo::Json& extra = ws.doc->project.project.extra;
    if (!extra.contains("scenarios") || !extra["scenarios"].is_array()) extra["scenarios"] = geo::Json::array();
    return extra["scenarios"];
}

geo::Json* CapacityPanel::current(Workspace& ws)
{
    if (m_scenario == 0) return nullptr;
    for (auto& s : scenarios(ws))
        if (s.value("name", "") == m_runs[m_scenario].scenario) return &s;
    return nullptr;
}

std::string CapacityPanel::park_key() const
{
    const auto& pc = m_runs.front().result.parks[m_park];
    return pc.code.empty() ? pc.name : pc.code;
}

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_capacity = register_panel({100, "capacity", true, [] { return std::unique_ptr<Panel>(std::make_unique<CapacityPanel>()); }});

}  // namespace gui
