// Clusters: location quotients per park with the characteristic clusters highlighted, Gi*
// hot spots and DBSCAN clusters as map layers. Computed on a worker by the same
// geo::analyse_clusters as `parkcap clusters`; while it runs, no layer is added to the project.
#include <algorithm>

#include <imgui.h>

#include "geo/cluster/cluster_analysis.h"
#include "geo/cluster/cluster_settings.h"
#include "geo/project/settings_reader.h"
#include "geo/report/cluster_outputs.h"
#include "gui/panels.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"

namespace gui {

namespace {

const char* kHotSpotLayer = "hot spots (Gi*)";
const char* kDbscanLayer = "DBSCAN clusters";

struct Output {
    geo::ClusterAnalysis analysis;
    std::vector<std::pair<geo::LoadedLayer, LayerView>> layers;  // ready to add: data, view (mesh built)
};

class ClustersPanel : public Panel {
public:
    const char* name() const override { return "clusters"; }

    void draw(Workspace& ws) override
    {
        if (!visible) return;
        if (!begin_panel("Clusters")) return end_panel();
        if (!ws.doc || ws.doc->view_with_role(geo::Role::Enterprises) < 0) {
            ImGui::TextDisabled("%s", tr("The project needs an enterprises layer."));
            return end_panel();
        }
        if (m_doc != ws.doc.get()) {  // a newly opened project: its saved parameters
            m_doc = ws.doc.get();
            try {
                m_options = geo::cluster_settings(ws.doc->project.project);
            } catch (const std::exception& e) {
                m_options = {};
                ws.error(std::string(e.what()) + tr(" (the clusters panel starts from its defaults)"));
            }
            m_result.reset();
        }
        geo::ClusterOptions& o = m_options;
        int lq_by = o.lq_category == "cluster" ? 0 : 1;
        ImGui::Combo(tr("LQ of"), &lq_by, tr_items({"cluster", "industry code"}).c_str());
        o.lq_category = lq_by == 0 ? "cluster" : "industry_code";
        int measure = o.lq.measure == geo::LqMeasure::Employment ? 0 : 1;
        ImGui::Combo(tr("By"), &measure, tr_items({"employment", "count"}).c_str());
        o.lq.measure = measure == 0 ? geo::LqMeasure::Employment : geo::LqMeasure::Count;
        // Sliders cover the usual range; a saved value outside it is shown and kept, never
        // clamped, and a value is only written back when the planner moves its slider.
        float min_lq = static_cast<float>(o.lq.min_lq), min_share = static_cast<float>(o.lq.min_share);
        if (ImGui::SliderFloat(tr("Minimum LQ"), &min_lq, 1.0f, 3.0f, "%.2f")) o.lq.min_lq = min_lq;
        if (ImGui::SliderFloat(tr("Minimum share"), &min_share, 0.0f, 0.5f, "%.2f")) o.lq.min_share = min_share;
        ImGui::Checkbox(tr("Against each park's region (district)"), &o.lq_against_regions);
        float cell = static_cast<float>(o.cell_m), eps = static_cast<float>(o.eps_m);
        int min_points = static_cast<int>(o.min_points);
        if (ImGui::SliderFloat(o.shape == geo::CellShape::Hexagon ? tr("Hexagon size m") : tr("Square size m"), &cell, 100, 5000, "%.0f"))
            o.cell_m = cell;
        if (ImGui::SliderFloat(tr("DBSCAN reach m"), &eps, 50, 2000, "%.0f")) o.eps_m = eps;
        if (ImGui::SliderInt(tr("DBSCAN minimum points"), &min_points, 2, 200)) o.min_points = static_cast<size_t>(min_points);
        if (ws.tasks.running("clusters")) ImGui::TextDisabled(tr("computing... %.0f%%"), 100 * ws.tasks.progress("clusters"));
        else if (ImGui::Button(tr("Compute")) || (ws.automated && !m_started)) start(ws);
        if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
        if (m_result) results();
        end_panel();
    }

private:
    // The analysis runs as a task on a snapshot of the project (shared layers, settings by
    // value); its result comes back on the UI thread.
    void start(Workspace& ws)
    {
        m_started = true;
        geo::store_settings(ws.doc->project.project, "clusters", geo::to_json(m_options));  // saved with the project
        m_error.clear();
        auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
        const geo::Coord origin = ws.doc->origin;
        const geo::ClusterOptions options = m_options;
        ws.tasks.start("clusters", [this, snapshot, origin, options](const geo::Progress& progress) -> TaskRunner::Finish {
            try {
                auto out = std::make_shared<Output>();
                out->analysis = geo::analyse_clusters(*snapshot, options, progress);
                // Only significant cells are drawn (the export keeps them all).
                geo::Layer hot = geo::hot_spot_layer(out->analysis);
                std::vector<uint8_t> keep(hot.size());
                for (size_t i = 0; i < hot.size(); ++i) keep[i] = out->analysis.hot.bin[static_cast<size_t>(hot.fids[i])] != 0;  // fid: the cell
                geo::Layer shown = geo::select_rows(hot, keep);
                for (auto [data, id] : {std::pair{std::move(shown), kHotSpotLayer}, {geo::dbscan_layer(out->analysis), kDbscanLayer}})
                    out->layers.push_back(computed_view(std::move(data), id, origin));  // meshes built off the UI thread
                return [this, out](Workspace& w) { finish(w, *out); };
            } catch (const geo::Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                const std::string what = e.what();
                return [this, what](Workspace& w) {
                    m_error = what;
                    w.error("clusters: " + what);
                    w.clusters_computed = true;  // finished, if unsuccessfully
                };
            }
        });
    }

    void finish(Workspace& ws, Output& out)
    {
        if (!ws.doc) return;
        for (auto& [layer, view] : out.layers) add_result(ws, std::move(layer), std::move(view));
        m_result = std::make_shared<geo::ClusterAnalysis>(std::move(out.analysis));
        ws.clusters_computed = true;
        size_t characteristic = 0;
        for (const auto& r : m_result->lq) characteristic += r.characteristic;
        ws.info(geo::printf_text(tr("clusters: %zu DBSCAN clusters, %zu characteristic clusters over %zu parks"), m_result->dbscan.sizes.size(),
                                 characteristic, m_result->park_names.size()));
    }

    static void add_result(Workspace& ws, geo::LoadedLayer layer, LayerView view)
    {
        const bool hot = layer.config.id == kHotSpotLayer;
        if (hot) {
            // Hot-spot bins: oranges to brown for hot, blues for cold, by confidence (not red:
            // on parkcap's maps red means a problem, and a hot spot of industry is not one).
            view.style.mode = geo::StyleMode::Categorized;
            view.style.field = "gi_bin";
            view.style.fixed_colours = {{"3", geo::rgba(179, 88, 6)},    {"2", geo::rgba(241, 163, 64)},
                                        {"1", geo::rgba(254, 224, 182)}, {"-1", geo::rgba(209, 229, 240)},
                                        {"-2", geo::rgba(103, 169, 207)}, {"-3", geo::rgba(33, 102, 172)}};
            view.style.stroke_width_px = 0;
            view.style.opacity = 0.7f;
        } else {
            view.style.mode = geo::StyleMode::Single;
            view.style.fill = geo::rgba(128, 60, 170, 60);
            view.style.stroke = geo::rgba(110, 40, 150);
            view.style.stroke_width_px = 2;
        }
        ws.add_or_replace_computed(std::move(layer), std::move(view));
    }

    void results()
    {
        const geo::ClusterAnalysis& a = *m_result;
        int hot = 0, cold = 0;
        for (int b : a.hot.bin) {
            hot += b >= 2;
            cold += b <= -2;
        }
        ImGui::Separator();
        ImGui::Text(tr("%zu enterprises; %d hot and %d cold cells at 95%% (FDR); %zu DBSCAN clusters, %zu noise"),
                    a.selection.points.size(), hot, cold, a.dbscan.sizes.size(), a.dbscan.noise);
        ImGui::TextWrapped(tr("Hot spots: %zu enterprises in %s; %zu outside it left out"), a.points_in_study, a.study_area.c_str(),
                           a.points_outside_study);
        ImGui::Checkbox(tr("Only characteristic clusters"), &m_only_characteristic);
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
        if (!ImGui::BeginTable("lq", 5, flags)) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr("Park"));
        ImGui::TableSetupColumn(m_options.lq_category == "cluster" ? tr("Cluster") : tr("Industry"));
        ImGui::TableSetupColumn(tr("LQ"));
        ImGui::TableSetupColumn(tr("Share"));
        ImGui::TableSetupColumn(tr("Rank"));
        ImGui::TableHeadersRow();
        for (const geo::LqRow& r : a.lq) {
            if (m_only_characteristic && !r.characteristic) continue;
            ImGui::TableNextRow();
            if (r.characteristic) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(255, 226, 170, 255));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.park_names[r.park].c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.category.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.2f", r.lq);
            ImGui::TableNextColumn();
            ImGui::Text("%.1f%%", r.share * 100);
            ImGui::TableNextColumn();
            if (r.rank) ImGui::Text("%d", r.rank);
        }
        ImGui::EndTable();
    }

    geo::ClusterOptions m_options;  // the engine's defaults, as the command's
    std::shared_ptr<geo::ClusterAnalysis> m_result;
    std::string m_error;
    bool m_only_characteristic = false;
    bool m_started = false;
    const Document* m_doc = nullptr;
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_clusters = register_panel({80, "clusters", true, [] { return std::unique_ptr<Panel>(std::make_unique<ClustersPanel>()); }});

}  // namespace gui
