// Allocation: where new facilities should go. The same geo::allocation_input and
// geo::allocate as `parkcap allocate`, on the task runner with progress and cancel; the map
// shows the candidates, the chosen sites numbered by rank, the demand left unserved and the
// allocation lines; "save as scenario" turns the chosen sites into facility-add edits that
// coverage and capacity then evaluate beside the baseline.
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstring>
#include <optional>

#include <imgui.h>

#include "geo/allocate/allocate.h"
#include "geo/allocate/allocation_input.h"
#include "geo/allocate/allocation_scenario.h"
#include "geo/allocate/allocation_settings.h"
#include "geo/project/settings_reader.h"
#include "geo/report/allocation_outputs.h"
#include "geo/scenario/edits.h"
#include "gui/panels.h"
#include "gui/placement_view.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"

namespace gui {

namespace {

const char* kChosenLayer = "allocation: chosen sites";
const char* kCandidatesLayer = "allocation: candidates";
const char* kUnservedLayer = "allocation: unserved demand";
const char* kLinesLayer = "allocation: lines";

struct Output {
    geo::AllocationInput input;
    geo::AllocationResult result;
    geo::AllocationSettings settings;
    std::vector<std::string> summary;
    std::vector<std::pair<geo::LoadedLayer, LayerView>> layers;
    double seconds = 0;
};

const char* kProblems[] = {N_("max coverage (MCLP)"), N_("min impedance (p-median)"), N_("min facilities (LSCP)"),
                           N_("min max distance (p-center)"), N_("max capacitated coverage")};

class AllocationPanel : public Panel {
public:
    const char* name() const override { return "allocation"; }

    void draw(Workspace& ws) override
    {
        if (!visible) return;
        if (!begin_panel("Allocation")) return end_panel();
        if (!ws.doc || ws.doc->view_with_role(geo::Role::Enterprises) < 0) {
            ImGui::TextDisabled("%s", tr("The project needs an enterprises layer."));
            return end_panel();
        }
        if (m_doc != ws.doc.get()) open_document(ws);
        if (ImGui::BeginTabBar("allocation_tabs")) {
            if (ImGui::BeginTabItem(tr("New facilities"))) {
                form(ws);
                if (ws.tasks.running("allocation")) {
                    ImGui::Text(tr("solving... %.0f%%"), 100 * ws.tasks.progress("allocation"));
                    ImGui::SameLine();
                    if (ImGui::Button(tr("Cancel"))) ws.tasks.cancel("allocation");
                } else if (ImGui::Button(tr("Solve")) || (ws.automated && !m_started)) {
                    start(ws);
                }
                if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
                if (m_out) results(ws);
                // The chosen sites above everything, map labels included (they are the answer).
                if (m_out)
                    for (uint32_t j : m_out->result.chosen)
                        if (j < m_out->input.candidate_xy.size()) ws.markers.push_back({m_out->input.candidate_xy[j], geo::rgba(20, 150, 70), 6, false});
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem(tr("Incoming enterprises"))) {
                m_placement.draw(ws);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        end_panel();
    }

private:
    void open_document(Workspace& ws)
    {
        m_doc = ws.doc.get();
        m_out.reset();
        m_error.clear();
        try {
            m_settings = geo::allocation_settings(ws.doc->project.project);
        } catch (const std::exception& e) {
            m_settings = {};
            ws.error(std::string(e.what()) + tr(" (the allocation panel starts from its defaults)"));
        }
        m_layers.clear();
        m_layers.push_back("lattice");
        if (ws.doc->project.first(geo::Role::Sites)) m_layers.push_back("sites");
        for (const auto& l : ws.doc->project.layers)
            if (l.data->geometry.kind() == geo::GeomKind::Point && l.config.role != geo::Role::Enterprises) m_layers.push_back(l.config.id);
        if (std::find(m_layers.begin(), m_layers.end(), m_settings.candidates) == m_layers.end()) m_layers.push_back(m_settings.candidates);
        std::snprintf(m_cluster, sizeof m_cluster, "%s", m_settings.cluster.c_str());
        std::snprintf(m_park, sizeof m_park, "%s", m_settings.park.c_str());
        std::snprintf(m_required, sizeof m_required, "%s", m_settings.required_type.c_str());
        std::snprintf(m_facility, sizeof m_facility, "%s", m_settings.facility_type.c_str());
        std::snprintf(m_factor, sizeof m_factor, "%s", m_settings.capacity_factor.c_str());
    }

    void form(Workspace&)
    {
        geo::AllocationSettings& s = m_settings;
        int problem = static_cast<int>(s.problem);
        ImGui::SetNextItemWidth(260);
        if (ImGui::Combo(tr("Problem"), &problem, tr_items({kProblems[0], kProblems[1], kProblems[2], kProblems[3], kProblems[4]}).c_str())) s.problem = static_cast<geo::AllocationObjective>(problem);
        const bool with_p = s.problem != geo::AllocationObjective::MinFacilities;
        if (with_p) {
            int p = static_cast<int>(s.p);
            ImGui::SetNextItemWidth(120);
            if (ImGui::InputInt(tr("New sites (p)"), &p)) s.p = static_cast<size_t>(std::max(1, p));
        }
        if (s.problem == geo::AllocationObjective::MaxCoverage || s.problem == geo::AllocationObjective::MinFacilities ||
            s.problem == geo::AllocationObjective::MaxCapacitatedCoverage) {
            ImGui::SetNextItemWidth(120);
            ImGui::InputDouble(tr("Radius m"), &s.radius_m, 0, 0, "%.0f");
        }
        if (s.problem == geo::AllocationObjective::MaxCapacitatedCoverage) {
            ImGui::SetNextItemWidth(120);
            ImGui::InputDouble(tr("Capacity of a new site"), &s.capacity, 0, 0, "%.0f");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(140);
            ImGui::InputText(tr("unit (factor; empty: jobs)"), m_factor, sizeof m_factor);
            s.capacity_factor = m_factor;
        }
        if (s.problem == geo::AllocationObjective::MinImpedance) {
            ImGui::SetNextItemWidth(120);
            ImGui::InputDouble(tr("Cutoff m (0: none)"), &s.cutoff_m, 0, 0, "%.0f");
        }
        if (s.problem == geo::AllocationObjective::MinFacilities) {
            ImGui::SetNextItemWidth(120);
            ImGui::InputDouble(tr("Share of the weight to cover"), &s.target_share, 0, 0, "%.2f");
        }
        ImGui::Separator();
        ImGui::TextDisabled("%s", tr("Demand: the enterprises"));
        int weight = s.weight == "count" ? 1 : 0;
        ImGui::SetNextItemWidth(160);
        if (ImGui::Combo(tr("Weight"), &weight, tr_items({"employees", "count"}).c_str())) s.weight = weight ? "count" : "employees";
        ImGui::SetNextItemWidth(160);
        ImGui::InputText(tr("Cluster (empty: all)"), m_cluster, sizeof m_cluster);
        ImGui::SetNextItemWidth(160);
        ImGui::InputText(tr("Park (empty: all)"), m_park, sizeof m_park);
        ImGui::Separator();
        ImGui::TextDisabled("%s", tr("Candidate sites"));
        size_t chosen = std::find(m_layers.begin(), m_layers.end(), s.candidates) - m_layers.begin();
        if (chosen >= m_layers.size()) chosen = 0;
        ImGui::SetNextItemWidth(160);
        if (ImGui::BeginCombo(tr("Candidates"), m_layers[chosen].c_str())) {
            for (size_t k = 0; k < m_layers.size(); ++k)
                if (ImGui::Selectable(m_layers[k].c_str(), k == chosen)) s.candidates = m_layers[k];
            ImGui::EndCombo();
        }
        if (s.candidates == "lattice") {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(90);
            ImGui::InputDouble(tr("spacing m"), &s.lattice_spacing_m, 0, 0, "%.0f");
        }
        ImGui::SetNextItemWidth(160);
        ImGui::InputText(tr("Keep existing of type"), m_required, sizeof m_required);
        ImGui::SetNextItemWidth(160);
        ImGui::InputText(tr("New sites become type"), m_facility, sizeof m_facility);
        int distance = s.distance == "network" ? 1 : 0;
        ImGui::SetNextItemWidth(160);
        if (ImGui::Combo(tr("Distance"), &distance, tr_items({"straight line", "along the roads"}).c_str())) s.distance = distance ? "network" : "straight";
        int solver = static_cast<int>(s.solver);
        ImGui::SetNextItemWidth(160);
        if (ImGui::Combo(tr("Solver"), &solver, tr_items({"auto", "exact (CBC)", "heuristic"}).c_str())) s.solver = static_cast<geo::AllocationSolver>(solver);
        s.cluster = m_cluster;
        s.park = m_park;
        s.required_type = m_required;
        s.facility_type = m_facility;
    }

    void start(Workspace& ws)
    {
        m_started = true;
        m_error.clear();
        // Checked as the project file would be: a bad value is named, not clamped.
        geo::Project check;
        geo::store_settings(check, "allocation", geo::to_json(m_settings));
        try {
            geo::allocation_settings(check);
        } catch (const std::exception& e) {
            m_error = e.what();
            ws.allocation_computed = true;
            return;
        }
        geo::store_settings(ws.doc->project.project, "allocation", geo::to_json(m_settings));  // saved with the project
        auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
        const geo::Coord origin = ws.doc->origin;
        const geo::AllocationSettings settings = m_settings;
        ws.tasks.start("allocation", [this, snapshot, origin, settings](const geo::Progress& progress) -> TaskRunner::Finish {
            try {
                const auto t0 = std::chrono::steady_clock::now();
                auto out = std::make_shared<Output>();
                out->settings = settings;
                out->input = geo::allocation_input(*snapshot, settings, progress);
                geo::AllocationOptions options;
                options.solver = settings.solver;
                options.limits = {settings.max_nodes, settings.max_seconds};
                out->result = geo::allocate(out->input, options, progress);
                out->summary = geo::allocation_summary(out->input, settings, out->result);
                geo::Layer unserved = geo::demand_allocation_layer(out->input, out->result);
                std::vector<uint8_t> keep(unserved.size());
                for (size_t i = 0; i < keep.size(); ++i) keep[i] = out->result.assigned[i] < 0;
                for (auto [data, id] : {std::pair{geo::allocation_lines_layer(out->input, out->result), kLinesLayer},
                                        {geo::candidates_layer(out->input, out->result), kCandidatesLayer},
                                        {geo::select_rows(unserved, keep), kUnservedLayer},
                                        {geo::chosen_sites_layer(out->input, out->result), kChosenLayer}})
                    out->layers.push_back(computed_view(std::move(data), id, origin));
                out->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                return [this, out](Workspace& w) { finish(w, out); };
            } catch (const geo::Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                const std::string what = e.what();
                return [this, what](Workspace& w) {
                    m_error = what;
                    w.error("allocation: " + what);
                    w.allocation_computed = true;  // finished, if unsuccessfully
                };
            }
        });
    }

    void finish(Workspace& ws, const std::shared_ptr<Output>& out)
    {
        if (!ws.doc) return;
        for (auto& [layer, view] : out->layers) {
            const std::string id = layer.config.id;
            view.style.mode = geo::StyleMode::Single;
            if (id == kChosenLayer) {
                view.style.fill = geo::rgba(20, 150, 70);
                view.style.stroke = geo::rgba(255, 255, 255);
                view.style.point_size_px = 11;
                view.style.label_field = "rank";
            } else if (id == kCandidatesLayer) {
                view.style.fill = geo::rgba(150, 150, 150, 160);
                view.style.point_size_px = 3;
            } else if (id == kUnservedLayer) {
                view.style.fill = geo::rgba(200, 30, 30);  // red: a problem
                view.style.point_size_px = 3;
                view.style.opacity = 0.7f;
            } else {
                view.style.stroke = geo::rgba(20, 150, 70, 90);
                view.style.stroke_width_px = 1;
            }
            ws.add_or_replace_computed(std::move(layer), std::move(view));
        }
        m_out = out;
        ws.allocation_computed = true;
        ws.info("allocation: " + (out->summary.size() > 2 ? out->summary[2] : std::string()));
    }

    void results(Workspace& ws)
    {
        const Output& o = *m_out;
        ImGui::Separator();
        for (size_t k = 0; k < o.summary.size() && k < 6; ++k) ImGui::TextWrapped("%s", o.summary[k].c_str());
        ImGui::TextDisabled(tr("solved in %.2f s"), o.seconds);
        // The gain curve: where another facility stops paying.
        const auto& curve = o.result.gain_curve;
        if (curve.size() > 1) {
            std::vector<float> values;
            values.push_back(static_cast<float>(o.result.base_value));
            for (double v : curve) values.push_back(static_cast<float>(v));
            ImGui::PlotLines("##gain", values.data(), static_cast<int>(values.size()), 0, "objective with 0..p new sites", FLT_MAX, FLT_MAX,
                             ImVec2(ImGui::GetContentRegionAvail().x, 90));
        }
        // Save as scenario.
        ImGui::SetNextItemWidth(200);
        ImGui::InputText("##scenario", m_scenario, sizeof m_scenario);
        ImGui::SameLine();
        if (ImGui::Button(tr("Save as scenario"))) save_scenario(ws);
        // The chosen sites, with a zoom button each.
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY;
        if (!ImGui::BeginTable("chosen", 5, flags, ImVec2(0, 200))) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("#");
        ImGui::TableSetupColumn(tr("Site"));
        ImGui::TableSetupColumn(tr("Points"));
        ImGui::TableSetupColumn(tr("Weight"));
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        const geo::Layer chosen = geo::chosen_sites_layer(o.input, o.result);
        for (size_t k = 0; k < chosen.size(); ++k) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu", k + 1);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(chosen.columns[1].text(k).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(chosen.columns[3].integer(k)));
            ImGui::TableNextColumn();
            ImGui::Text("%.0f", chosen.columns[4].real(k));
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(k));
            if (ImGui::SmallButton(tr("zoom"))) {
                const geo::Coord c = chosen.geometry.first_coord(k);
                ws.zoom_to({c.x - 600, c.y - 600, c.x + 600, c.y + 600});
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    void save_scenario(Workspace& ws)
    {
        try {
            const std::string name = m_scenario;
            if (name.empty()) throw geo::Error(tr("give the scenario a name"));
            const geo::Scenario after = geo::allocation_scenario(m_out->input, m_out->result, m_out->settings.facility_type, name, ws.doc->project.working.crs);
            ws.store_scenario_undoable(after, geo::printf_text(tr("allocation: scenario '%s' with %zu new facilities"), name.c_str(), after.edits.size()));
            ws.info(geo::printf_text(tr("allocation: scenario '%s' saved with %zu new facilities; the coverage and capacity panels evaluate it"),
                                     name.c_str(), after.edits.size()));
        } catch (const std::exception& e) {
            m_error = e.what();
        }
    }

    geo::AllocationSettings m_settings;
    std::shared_ptr<const Output> m_out;
    std::vector<std::string> m_layers;
    char m_cluster[128] = "", m_park[128] = "", m_required[64] = "", m_facility[64] = "", m_factor[64] = "";
    char m_scenario[128] = "allocation";
    std::string m_error;
    bool m_started = false;
    const Document* m_doc = nullptr;
    PlacementView m_placement;
};

}  // namespace

[[maybe_unused]] const bool registered_allocation = register_panel({105, "allocation", true, [] { return std::unique_ptr<Panel>(std::make_unique<AllocationPanel>()); }});

}  // namespace gui
