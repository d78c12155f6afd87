// Kernel density with a live preview: every change of a parameter starts a computation on a
// worker thread (with copies of the inputs); the previous surface stays on the map until the
// new one is ready. Ramp, range and opacity are display settings and need no recompute.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include <filesystem>
#include <map>

#include <imgui.h>

#include "geo/density/contours.h"
#include "geo/density/density_settings.h"
#include "geo/density/point_selection.h"
#include "geo/project/settings_reader.h"
#include "gui/panels.h"
#include "geo/io/raster_writer.h"
#include "geo/io/atomic_file.h"
#include "geo/style/qgis_qml.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"
#include "render/raster_layer.h"

namespace gui {

namespace {

const char* kKernels[] = {"quartic", "triweight", "epanechnikov", "uniform", "triangular", "gaussian"};
const char* kRules[] = {N_("fixed radius"), N_("Silverman (ArcGIS)"), N_("Scott")};
const char* kWeights[] = {"count", "employees", "output_value", "floor_area", "tax"};

// The settings as the project holds them; an unreadable entry is reported and the defaults
// are used (the command line refuses the same entry with the same message).
geo::DensitySettings settings_of(const geo::Project& project, std::string& error)
{
    try {
        return geo::density_settings(project);
    } catch (const std::exception& e) {
        error = e.what();
        return {};
    }
}

class DensityPanel : public Panel {
public:
    const char* name() const override { return "density"; }

    void draw(Workspace& ws) override
    {
        const bool busy = ws.tasks.running("density") || ws.tasks.running("density contours");
        ws.density.busy = busy;
        if (!visible) return;
        if (!begin_panel("Density")) return end_panel();
        if (!ws.doc || ws.doc->view_with_role(geo::Role::Enterprises) < 0) {
            ImGui::TextDisabled("%s", tr("The project needs an enterprises layer."));
            return end_panel();
        }
        if (m_doc != ws.doc.get()) {  // a newly opened project: its saved parameters
            m_doc = ws.doc.get();
            m_error.clear();
            std::string problem;
            m_params = settings_of(ws.doc->project.project, problem);
            if (!problem.empty()) ws.error(problem + tr(" (the density panel starts from its defaults)"));
            m_last = m_params;
            m_last.kde.radius_m = -1;  // force a first computation
            ws.density = {};
        }
        geo::DensitySettings p = m_params;
        edit_surface(ws, p);
        m_params = p;
        // Live: recompute when the parameters change and nothing is running.
        // Only the surface's own parameters trigger a recompute; contour settings do not.
        geo::DensitySettings surface = m_params, last = m_last;
        surface.contours = last.contours;
        surface.contour_levels = last.contour_levels;
        if (!(surface == last) && !ws.tasks.running("density")) start(ws);
        else if (!(m_params == m_last)) {
            m_last = m_params;
            geo::store_settings(ws.doc->project.project, "density", geo::to_json(m_params));
        }
        // Contours follow the surface and the chosen maximum.
        const float top = ws.density.max_value;
        if (m_params.contours && ws.density.result && !busy &&
            (ws.density.version != m_contour_version || m_params.contour_levels != m_contour_levels || top != m_contour_top))
            start_contours(ws);

        ImGui::Separator();
        DensityOverlay& d = ws.density;
        ImGui::Checkbox(tr("Show on the map"), &d.visible);
        int ramp = static_cast<int>(d.ramp);
        if (ImGui::Combo(tr("Ramp"), &ramp, tr_items({"viridis", "magma", "blues", "orange-red", "blue-red", "yellow-brown"}).c_str())) d.ramp = static_cast<geo::Ramp>(ramp);
        ImGui::SliderFloat(tr("Opacity"), &d.opacity, 0.f, 1.f, "%.2f");
        ImGui::Checkbox(tr("Automatic maximum (98th percentile)"), &m_auto_max);
        if (!m_auto_max && d.result) ImGui::SliderFloat(tr("Maximum"), &d.max_value, 0.f, m_peak, "%.4g");
        if (m_auto_max) d.max_value = m_auto;
        ImGui::Checkbox(tr("Contour lines on the map"), &p.contours);
        if (p.contours) ImGui::SliderInt(tr("Levels"), &p.contour_levels, 2, 10);
        m_params = p;
        if (busy) ImGui::TextDisabled(tr("computing... %.0f%%"), 100 * ws.tasks.progress("density"));
        else if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
        if (d.result) {
            legend(d);
            // The surface as shown, for a report: a GeoTIFF (Cloud-Optimized) with its ramp as a
            // .qml beside it, from 0 to the maximum shown.
            if (ImGui::Button(tr("Export GeoTIFF..."))) {
                FileRequest r;
                r.purpose = FileRequest::Save;
                r.title = tr("Export the density surface");
                r.extensions = {".tif"};
                r.start = (ws.project_folder() / "density.tif").string();
                const std::shared_ptr<const geo::KdeResult> result = d.result;
                const geo::Ramp ramp_now = d.ramp;
                const float top = d.max_value, opacity = d.opacity;
                r.done = [result, ramp_now, top, opacity](Workspace& w, const std::string& path) {
                    if (!w.doc) return;
                    try {
                        const std::map<std::string, std::string> meta = {{"UNITS", result->units()}, {"SOFTWARE", "parkcap"}};
                        geo::write_geotiff(result->raster, w.doc->project.working.crs, path, -9999.0f, meta, true, true);
                        std::filesystem::path qml = path;
                        qml.replace_extension(".qml");
                        geo::write_file_atomically(qml, geo::qgis_raster_qml(ramp_now, 0, top, opacity));
                        w.info(geo::printf_text(tr("wrote the density surface to %s, with its ramp as a .qml"), path.c_str()));
                    } catch (const std::exception& e) {
                        w.error(e.what());
                    }
                };
                ws.file_request = std::move(r);
            }
        }
        end_panel();
    }

private:
    // The surface's own settings. Sliders cover the usual range; a value from the project
    // outside it is shown and kept as it is, never clamped.
    void edit_surface(Workspace& ws, geo::DensitySettings& p)
    {
        int kernel = 0;
        for (int i = 0; i < 6; ++i)
            if (geo::to_string(p.kde.kernel) == kKernels[i]) kernel = i;
        if (ImGui::Combo(tr("Kernel"), &kernel, kKernels, 6)) p.kde.kernel = *geo::parse_kernel(kKernels[kernel]);
        int rule = static_cast<int>(p.kde.rule);
        if (ImGui::Combo(tr("Bandwidth"), &rule, tr_items({kRules[0], kRules[1], kRules[2]}).c_str())) p.kde.rule = static_cast<geo::BandwidthRule>(rule);
        float radius = static_cast<float>(p.kde.radius_m), cell = static_cast<float>(p.kde.cell_m);
        if (p.kde.rule == geo::BandwidthRule::Fixed && ImGui::SliderFloat(tr("Radius m"), &radius, 100, 5000, "%.0f")) p.kde.radius_m = radius;
        if (ImGui::SliderFloat(tr("Cell m"), &cell, 25, 500, "%.0f")) p.kde.cell_m = cell;
        const std::string weight = p.filter.weight.empty() ? "count" : p.filter.weight;
        if (ImGui::BeginCombo(tr("Weight"), weight.c_str())) {
            for (const char* w : kWeights)
                if (ImGui::Selectable(w, weight == w)) p.filter.weight = std::string(w) == "count" ? "" : w;
            ImGui::EndCombo();
        }
        bool per_km2 = p.kde.values == geo::KdeValues::PerKm2;
        if (ImGui::Checkbox(tr("Per km² (integrates to the total weight)"), &per_km2))
            p.kde.values = per_km2 ? geo::KdeValues::PerKm2 : geo::KdeValues::RawSum;
        choice(ws, N_("Cluster"), "cluster", p.filter.cluster);
        choice(ws, N_("Tier"), "tier", p.filter.tier);
        char code[16];
        std::snprintf(code, sizeof code, "%s", p.filter.industry_code.c_str());
        if (ImGui::InputText(tr("Industry code starts"), code, sizeof code, ImGuiInputTextFlags_CharsDecimal)) p.filter.industry_code = code;
        if (!ws.doc->park_stats.empty() && ImGui::BeginCombo(tr("Park"), p.filter.park.empty() ? tr("(all)") : p.filter.park.c_str())) {
            if (ImGui::Selectable(tr("(all)"), p.filter.park.empty())) p.filter.park.clear();
            for (const ParkStats& s : ws.doc->park_stats)
                if (ImGui::Selectable(s.name.c_str(), s.name == p.filter.park)) p.filter.park = s.name;
            ImGui::EndCombo();
        }
    }

    void choice(Workspace& ws, const char* label, const char* meaning, std::string& value)
    {
        const int ev = ws.doc->view_with_role(geo::Role::Enterprises);
        const geo::LoadedLayer& l = ws.doc->layer_of(ws.doc->views[static_cast<size_t>(ev)]);
        const std::string* field = l.fields.field_for(meaning);
        if (!field) return;
        const geo::Column* c = l.data->column(*field);
        if (ImGui::BeginCombo(tr(label), value.empty() ? tr("(all)") : value.c_str())) {
            if (ImGui::Selectable(tr("(all)"), value.empty())) value.clear();
            for (const LayerView& v : ws.doc->views)
                if (v.layer == ws.doc->views[static_cast<size_t>(ev)].layer && v.style.field == *field)
                    for (const auto& cat : v.style.categories)
                        if (!cat.value.empty() && ImGui::Selectable(cat.value.c_str(), cat.value == value)) value = cat.value;
            ImGui::EndCombo();
        }
        (void)c;
    }

    // The surface runs as a task on a snapshot of the project and the settings by value.
    void start(Workspace& ws)
    {
        m_last = m_params;
        geo::store_settings(ws.doc->project.project, "density", geo::to_json(m_params));  // saved with the project
        auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
        const geo::PointFilter f = m_params.filter;
        const geo::KdeOptions o = m_params.kde;  // the command's very options: same grid limit, same method
        ws.tasks.start("density", [this, snapshot, f, o](const geo::Progress& progress) -> TaskRunner::Finish {
            try {
                const geo::PointSelection sel = geo::select_points(*snapshot, f);
                auto r = std::make_shared<geo::KdeResult>(geo::density_surface(sel, o, progress));
                return [this, r](Workspace& w) { finish_surface(w, r); };
            } catch (const geo::Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                const std::string what = e.what();
                return [this, what](Workspace& w) {
                    m_error = what;
                    w.warn("density: " + what);
                };
            }
        });
    }

    void start_contours(Workspace& ws)
    {
        m_contour_version = ws.density.version;
        m_contour_levels = m_params.contour_levels;
        m_contour_top = ws.density.max_value;
        std::vector<double> levels;
        const int n = m_params.contour_levels;
        for (int k = 1; k <= n; ++k) levels.push_back(static_cast<double>(m_contour_top) * k / (n + 1));
        const std::shared_ptr<const geo::KdeResult> surface = ws.density.result;
        const geo::Coord origin = ws.doc->origin;
        const int classes = std::max(2, n);
        ws.tasks.start("density contours", [surface, origin, levels, classes](const geo::Progress&) -> TaskRunner::Finish {
            auto out = std::make_shared<std::pair<geo::LoadedLayer, LayerView>>(
                computed_view(geo::density_contours(surface->raster, levels), "density contours", origin));
            return [out, classes](Workspace& w) {
                LayerView& view = out->second;
                view.style.mode = geo::StyleMode::Graduated;
                view.style.field = "level";
                view.style.ramp = geo::Ramp::YellowBrown;
                view.style.breaks = geo::Breaks::EqualInterval;
                view.style.classes = classes;
                view.style.stroke_width_px = 1.5f;
                if (w.doc) w.add_or_replace_computed(std::move(out->first), std::move(view));
            };
        });
    }

    void finish_surface(Workspace& ws, std::shared_ptr<geo::KdeResult> result)
    {
        m_error.clear();
        // The automatic maximum is the 98th percentile of the cells that have any density (as
        // QGIS's cumulative cut does): a single dense park would otherwise wash out the rest.
        std::vector<float> nonzero;
        m_peak = 0;
        for (float v : result->raster.values)
            if (v > 0) {
                nonzero.push_back(v);
                m_peak = std::max(m_peak, v);
            }
        m_auto = m_peak;
        if (!nonzero.empty()) {
            const size_t k = nonzero.size() * 98 / 100;
            std::nth_element(nonzero.begin(), nonzero.begin() + static_cast<long>(k), nonzero.end());
            m_auto = nonzero[k];
        }
        ws.density.result = std::move(result);
        ws.density.version++;
        ws.density.min_value = 0;
        if (m_auto_max || ws.density.max_value > m_peak) ws.density.max_value = m_auto;
    }

    void legend(const DensityOverlay& d) const
    {
        const geo::KdeResult& r = *d.result;
        ImGui::Text(tr("%s kernel, bandwidth %.0f m (%s)"), std::string(geo::to_string(r.kernel)).c_str(), r.bandwidth_m,
                    std::string(geo::to_string(r.rule)).c_str());
        ImGui::Text(tr("%zu points, %zu x %zu cells, %s"), r.points, r.raster.grid.cols, r.raster.grid.rows,
                    std::string(geo::to_string(r.method)).c_str());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x, h = 14;
        const auto stops = render::ramp_stops(d.ramp);
        for (int i = 0; i < 4; ++i)
            dl->AddRectFilledMultiColor(ImVec2(p.x + w * i / 4, p.y), ImVec2(p.x + w * (i + 1) / 4, p.y + h), stops[static_cast<size_t>(i)] | 0xFF000000u,
                                        stops[static_cast<size_t>(i) + 1] | 0xFF000000u, stops[static_cast<size_t>(i) + 1] | 0xFF000000u,
                                        stops[static_cast<size_t>(i)] | 0xFF000000u);
        ImGui::Dummy(ImVec2(w, h));
        ImGui::Text("%.4g", static_cast<double>(d.min_value));
        char top[64];
        std::snprintf(top, sizeof top, "%.4g %s", static_cast<double>(d.max_value), term("indicator", r.units()).c_str());
        ImGui::SameLine(std::max(0.f, w - ImGui::CalcTextSize(top).x));
        ImGui::TextUnformatted(top);
    }

    const Document* m_doc = nullptr;
    geo::DensitySettings m_params, m_last;
    bool m_auto_max = true;
    float m_peak = 1, m_auto = 1;
    std::string m_error;
    int m_contour_levels = 0, m_contour_version = -1;
    float m_contour_top = 0;
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_density = register_panel({70, "density", true, [] { return std::unique_ptr<Panel>(std::make_unique<DensityPanel>()); }});

}  // namespace gui
