// Suitability: where new enterprises suit the land, over the parks at a cell size. The
// constraint areas veto; slope (from a DEM), distance to roads and to facilities and a
// cluster's density are scored by the class tables and combined by weights, from the AHP
// matrix (its consistency ratio shown, flagged at 0.1 and above) or typed in. The raster lies
// on the map (Viridis: dark where vetoed, yellow where best) and the sites are ranked by their
// mean score. Computed on a worker by the same geo::suitability as `parkcap suitability`,
// which reads the choices this panel saves (analysis.suitability).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <set>

#include <imgui.h>

#include "geo/capacity/capacity_tables.h"
#include "geo/project/settings_reader.h"
#include "geo/report/text_format.h"
#include "geo/suitability/suitability.h"
#include "gui/i18n.h"
#include "gui/panels.h"
#include "gui/path_field.h"

namespace gui {

namespace {

const char* const kFactors[] = {"slope_deg", "road_distance_m", "facility_distance_m", "cluster_density", "park_lq", "coverage_pct"};
const char* const kFactorLabels[] = {N_("Slope (from the DEM)"), N_("Distance to roads"),        N_("Distance to facilities"),
                                     N_("Cluster density"),      N_("The park's LQ of the cluster"), N_("Facility coverage")};

class SuitabilityPanel : public Panel {
public:
    const char* name() const override { return "suitability"; }

    void draw(Workspace& ws) override
    {
        if (!visible) return;
        if (!begin_panel("Suitability")) return end_panel();
        if (!ws.doc || ws.doc->view_with_role(geo::Role::Parks) < 0) {
            ImGui::TextDisabled("%s", tr("The project needs a parks layer."));
            return end_panel();
        }
        if (m_doc != ws.doc.get()) opened(ws);
        ImGui::TextWrapped("%s", tr("Constraint areas veto a cell; the factors are scored by the class tables and weighted."));
        float cell = static_cast<float>(m_settings.cell_m);
        if (ImGui::SliderFloat(tr("Cell size m"), &cell, 10, 500, "%.0f")) m_settings.cell_m = cell;
        path_field(ws, "dem", m_dem, sizeof m_dem, tr("DEM raster (for the slope)"), {});
        ImGui::TextDisabled("%s", tr("DEM (empty: no slope factor)"));
        if (ImGui::BeginCombo(tr("Cluster (its density, the park's LQ)"), m_settings.cluster.empty() ? tr("(none)") : m_settings.cluster.c_str())) {
            if (ImGui::Selectable(tr("(none)"), m_settings.cluster.empty())) m_settings.cluster.clear();
            for (const std::string& c : m_clusters)
                if (ImGui::Selectable(c.c_str(), c == m_settings.cluster)) m_settings.cluster = c;
            ImGui::EndCombo();
        }
        weights_editor();
        if (ws.tasks.running("suitability")) ImGui::TextDisabled(tr("computing... %.0f%%"), 100 * ws.tasks.progress("suitability"));
        else if (ImGui::Button(tr("Compute##suitability")) || (ws.automated && !m_started)) start(ws);
        if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
        if (m_result) results(ws);
        end_panel();
    }

private:
    void opened(Workspace& ws)
    {
        m_doc = ws.doc.get();
        m_result.reset();
        m_error.clear();  // the App let the closed project's raster go when this one opened
        std::set<std::string> clusters;
        for (const ParkStats& p : ws.doc->park_stats)
            for (const CountRow& c : p.by_cluster) clusters.insert(c.label);
        m_clusters.assign(clusters.begin(), clusters.end());
        try {
            m_settings = geo::suitability_settings(ws.doc->project.project);
        } catch (const std::exception& e) {
            m_settings = {};
            ws.error(std::string(e.what()) + tr(" (the suitability panel starts from its defaults)"));
        }
        std::snprintf(m_dem, sizeof m_dem, "%s", m_settings.dem.c_str());
        m_typed = !m_settings.weights.empty();
        // The AHP matrix's weights, shown and used unless the planner types others.
        try {
            const std::filesystem::path dir = geo::standards_folder(ws.doc->project.project);
            m_weighted = geo::ahp_weighted_factors(dir / "suitability_classes.csv", dir / "suitability_ahp.csv", dir / "ahp_random_index.csv");
            m_ahp_error.clear();
        } catch (const std::exception& e) {
            m_weighted.reset();
            m_ahp_error = e.what();
        }
        for (size_t k = 0; k < std::size(kFactors); ++k) {
            double w = 0;
            if (m_typed) w = m_settings.weights.count(kFactors[k]) ? m_settings.weights.at(kFactors[k]) : 0.0;
            else if (m_weighted)
                for (const geo::SuitabilityFactor& f : m_weighted->factors)
                    if (f.key == kFactors[k]) w = f.weight;
            m_weights[k] = static_cast<float>(w);
        }
    }

    void weights_editor()
    {
        if (!m_ahp_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_ahp_error.c_str());
        bool from_ahp = !m_typed;
        if (ImGui::Checkbox(tr("Weights from the AHP matrix (suitability_ahp.csv)"), &from_ahp)) m_typed = !from_ahp;
        if (!m_typed && m_weighted) {
            const geo::AhpResult& a = m_weighted->ahp;
            const ImVec4 colour = a.consistent ? ImVec4(0.3f, 0.3f, 0.3f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1);
            ImGui::TextColored(colour, tr("CR %.3f (%s)%s"), a.cr, m_weighted->ri.c_str(), a.consistent ? "" : tr(": not consistent, revise the comparisons"));
            for (size_t i = 0; i < m_weighted->matrix_factors.size() && i < a.weights.size(); ++i) {
                const auto k = std::find(std::begin(kFactors), std::end(kFactors), m_weighted->matrix_factors[i]) - std::begin(kFactors);
                const char* label = k < static_cast<std::ptrdiff_t>(std::size(kFactors)) ? tr(kFactorLabels[k]) : m_weighted->matrix_factors[i].c_str();
                ImGui::BulletText("%s %.3f", label, a.weights[i]);
            }
            return;
        }
        for (size_t k = 0; k < std::size(kFactors); ++k) ImGui::SliderFloat(tr(kFactorLabels[k]), &m_weights[k], 0, 1, "%.3f");
        ImGui::TextDisabled("%s", tr("Factors the project cannot give (no DEM, no cluster) are left out and the others scaled up."));
    }

    void start(Workspace& ws)
    {
        m_started = true;
        m_error.clear();
        geo::Project& project = ws.doc->project.project;
        m_settings.dem = m_dem;
        m_settings.weights.clear();
        if (m_typed)
            for (size_t k = 0; k < std::size(kFactors); ++k) m_settings.weights[kFactors[k]] = m_weights[k];
        geo::store_settings(project, "suitability", geo::to_json(m_settings));  // saved with the project; `parkcap suitability` reads it
        if (!m_weighted) {
            m_error = m_ahp_error;
            ws.suitability_computed = true;
            return;
        }
        geo::SuitabilityOptions o;
        o.cell_m = m_settings.cell_m;
        o.dem = geo::settings_path(project, m_settings.dem);
        o.cluster = m_settings.cluster;
        o.factors = m_weighted->factors;
        auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
        const std::map<std::string, double> typed = m_typed ? m_settings.weights : std::map<std::string, double>();
        ws.tasks.start(
            "suitability",
            [this, snapshot, o, typed](const geo::Progress&) mutable -> TaskRunner::Finish {
                o.radii = geo::service_radii_or_standard(snapshot->project, geo::standards_folder(snapshot->project));
                if (!typed.empty()) geo::use_typed_weights(o.factors, typed);
                auto out = std::make_shared<geo::SuitabilityResult>(geo::suitability(*snapshot, o));
                return [this, out](Workspace& w) { finish(w, out); };
            },
            [this](Workspace& w, const std::string& what) {
                m_error = what;
                w.suitability_computed = true;
            });
    }

    void finish(Workspace& ws, const std::shared_ptr<geo::SuitabilityResult>& r)
    {
        if (!ws.doc) return;
        m_result = r;
        ws.suitability.raster = std::shared_ptr<const geo::Raster>(r, &r->score);  // shares the result's lifetime
        ++ws.suitability.version;
        ws.suitability_computed = true;
        m_order.resize(r->site_name.size());
        std::iota(m_order.begin(), m_order.end(), size_t{0});
        std::stable_sort(m_order.begin(), m_order.end(), [&](size_t a, size_t b) {
            const double x = std::isnan(r->site_mean[a]) ? -1 : r->site_mean[a], y = std::isnan(r->site_mean[b]) ? -1 : r->site_mean[b];
            return x > y;
        });
        for (const std::string& n : r->site_name) append_utf8_codepoints(n, ws.glyphs_wanted);
        for (const std::string& n : r->notes) append_utf8_codepoints(n, ws.glyphs_wanted);
        ws.info(geo::printf_text(tr("suitability: %zu cells in the parks, %zu vetoed by the constraint areas"), r->cells_in_parks, r->cells_vetoed));
    }

    void results(Workspace& ws)
    {
        const geo::SuitabilityResult& r = *m_result;
        ImGui::Separator();
        ImGui::Checkbox(tr("Show on the map"), &ws.suitability.visible);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
        ImGui::SliderFloat(tr("Opacity##suitability"), &ws.suitability.opacity, 0.1f, 1.0f, "%.2f");
        ImGui::TextWrapped(tr("%zu cells in the parks, %zu vetoed; dark: vetoed or poor, yellow: best (0-100)"), r.cells_in_parks, r.cells_vetoed);
        std::string used;
        for (size_t i = 0; i < r.used.size(); ++i) {
            const auto k = std::find(std::begin(kFactors), std::end(kFactors), r.used[i]) - std::begin(kFactors);
            used += (i ? ", " : "") + std::string(k < static_cast<std::ptrdiff_t>(std::size(kFactors)) ? tr(kFactorLabels[k]) : r.used[i].c_str()) +
                    geo::printf_text(" %.3f", r.weights[i]);
        }
        ImGui::TextWrapped(tr("Factors scored: %s"), used.c_str());
        for (const std::string& n : r.notes) ImGui::TextWrapped("%s", n.c_str());
        if (r.site_name.empty()) return;
        ImGui::Text("%s", tr("Sites by their mean score"));
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
        if (!ImGui::BeginTable("suitability_sites", 4, flags)) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Site"));
        ImGui::TableSetupColumn(tr("Status"));
        ImGui::TableSetupColumn(tr("Mean score"));
        ImGui::TableSetupColumn(tr("Vetoed share"));
        ImGui::TableHeadersRow();
        for (size_t s : m_order) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.site_name[s].c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.site_status[s].c_str());
            ImGui::TableNextColumn();
            if (!std::isnan(r.site_mean[s])) ImGui::Text("%.1f", r.site_mean[s]);
            ImGui::TableNextColumn();
            if (!std::isnan(r.site_vetoed_share[s])) ImGui::Text("%.0f%%", 100 * r.site_vetoed_share[s]);
        }
        ImGui::EndTable();
    }

    geo::SuitabilitySettings m_settings;
    char m_dem[1024] = "";
    bool m_typed = false;
    float m_weights[std::size(kFactors)] = {};
    std::optional<geo::WeightedFactors> m_weighted;
    std::string m_ahp_error;
    std::vector<std::string> m_clusters;
    std::shared_ptr<geo::SuitabilityResult> m_result;
    std::vector<size_t> m_order;  // sites, best first
    std::string m_error;
    bool m_started = false;
    const Document* m_doc = nullptr;
};

}  // namespace

[[maybe_unused]] const bool registered_suitability =
    register_panel({106, "suitability", true, [] { return std::unique_ptr<Panel>(std::make_unique<SuitabilityPanel>()); }});

}  // namespace gui
