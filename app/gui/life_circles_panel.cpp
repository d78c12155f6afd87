// Life circles: 5-, 10- and 15-minute walks to the daily facilities, the way plans state
// coverage (GB 50180-2018's 300 / 500 / 1,000 m, or a walking speed), in a straight line or
// along the roads; per park the share of employees reaching every daily facility within each
// circle, against the plan's target (Shanghai: 99% within 15 minutes). The enterprises go on
// the map by the smallest circle that holds them all, those beyond every circle in red.
// Computed on a worker by the same geo::life_circles as `parkcap lifecircles`.
#include <algorithm>
#include <cstdio>

#include <imgui.h>

#include "geo/coverage/life_circles.h"
#include "geo/project/settings_reader.h"
#include "geo/report/life_circle_outputs.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"
#include "gui/panels.h"

namespace gui {

namespace {

const char* kLifeCircleLayer = "life circles";
const char* kLifeCircleTask = "life circles";  // its errors read "life circles: ..."

struct Output {
    geo::LifeCircleResult result;
    std::vector<std::string> summary, warnings;
    std::vector<std::vector<double>> shares;  // per park (then all), per circle
    std::pair<geo::LoadedLayer, LayerView> layer;
};

class LifeCirclesPanel : public Panel {
public:
    const char* name() const override { return "lifecircles"; }

    void draw(Workspace& ws) override
    {
        if (!visible) return;
        if (!begin_panel("Life circles")) return end_panel();
        if (!ws.doc || ws.doc->view_with_role(geo::Role::Enterprises) < 0 || ws.doc->view_with_role(geo::Role::Facilities) < 0) {
            ImGui::TextDisabled("%s", tr("The project needs an enterprises layer and a facilities layer."));
            return end_panel();
        }
        if (m_doc != ws.doc.get()) opened(ws);
        if (!m_spec_error.empty()) {
            ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_spec_error.c_str());
            return end_panel();
        }
        ImGui::TextWrapped("%s", tr("5-, 10- and 15-minute walks to the daily facilities, per park, against the plan's target."));
        ImGui::Checkbox(tr("Along the roads"), &m_settings.network);
        float speed = static_cast<float>(m_settings.spec.walk_speed);
        if (ImGui::SliderFloat(tr("Walking speed m/min (0: GB 50180-2018)"), &speed, 0, 120, "%.0f")) set_speed(speed);
        std::string circles;
        for (size_t c = 0; c < m_settings.spec.minutes.size(); ++c)
            circles += (c ? ", " : "") + geo::printf_text(tr("%d min = %.0f m"), m_settings.spec.minutes[c], m_settings.spec.metres[c]);
        ImGui::TextDisabled("%s", circles.c_str());
        if (ws.tasks.running(kLifeCircleTask)) ImGui::TextDisabled(tr("computing... %.0f%%"), 100 * ws.tasks.progress(kLifeCircleTask));
        else if (ImGui::Button(tr("Compute##lifecircles")) || (ws.automated && !m_started)) start(ws);
        if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
        if (m_out) results();
        end_panel();
    }

private:
    void opened(Workspace& ws)
    {
        m_doc = ws.doc.get();
        m_out.reset();
        m_error.clear();
        try {
            m_settings = geo::life_circle_settings(ws.doc->project.project);
            m_defaults = m_settings.spec.metres;
            if (m_settings.spec.walk_speed > 0) {  // the table's own distances, for a speed set back to 0
                geo::Project without = ws.doc->project.project;
                without.extra["analysis"]["life_circles"]["walk_speed_m_per_min"] = 0;
                m_defaults = geo::life_circle_settings(without).spec.metres;
            }
            m_spec_error.clear();
        } catch (const std::exception& e) {
            m_spec_error = e.what();
        }
    }

    void set_speed(float speed)
    {
        geo::LifeCircleSpec& s = m_settings.spec;
        s.walk_speed = speed;
        for (size_t k = 0; k < s.minutes.size(); ++k) s.metres[k] = speed > 0 ? s.minutes[k] * speed : (k < m_defaults.size() ? m_defaults[k] : s.metres[k]);
    }

    void start(Workspace& ws)
    {
        m_started = true;
        m_error.clear();
        // Saved with the project, the table and daily list as they were.
        geo::Project& project = ws.doc->project.project;
        geo::Json saved = project.extra.contains("analysis") && project.extra["analysis"].contains("life_circles") &&
                                  project.extra["analysis"]["life_circles"].is_object()
                              ? project.extra["analysis"]["life_circles"]
                              : geo::Json::object();
        saved["network"] = m_settings.network;
        saved["walk_speed_m_per_min"] = m_settings.spec.walk_speed;
        geo::store_settings(project, "life_circles", saved);
        auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
        const geo::Coord origin = ws.doc->origin;
        const geo::LifeCircleSettings settings = m_settings;
        ws.tasks.start(
            kLifeCircleTask,
            [this, snapshot, origin, settings](const geo::Progress& progress) -> TaskRunner::Finish {
                auto out = std::make_shared<Output>();
                out->result = geo::life_circles(*snapshot, settings, out->warnings, progress);
                out->summary = geo::life_circle_summary(out->result);
                out->shares = geo::life_circle_shares(out->result);
                out->layer = computed_view(geo::life_circle_layer(out->result), kLifeCircleLayer, origin);
                return [this, out](Workspace& w) { finish(w, out); };
            },
            [this](Workspace& w, const std::string& what) {
                m_error = what;
                w.lifecircles_computed = true;
            });
    }

    void finish(Workspace& ws, const std::shared_ptr<Output>& out)
    {
        if (!ws.doc) return;
        auto [layer, view] = std::move(out->layer);
        // The nearer circle, the deeper green; beyond every circle red: a gap the plan must close.
        const geo::Rgba greens[] = {geo::rgba(0, 104, 55), geo::rgba(49, 163, 84), geo::rgba(173, 221, 142), geo::rgba(217, 240, 163)};
        view.style.mode = geo::StyleMode::Categorized;
        view.style.field = "reach";
        view.style.point_size_px = 9;
        view.style.stroke = geo::rgba(255, 255, 255);
        view.style.fixed_colours.clear();
        const auto& minutes = out->result.spec.minutes;
        for (size_t c = 0; c < minutes.size(); ++c)
            view.style.fixed_colours[geo::life_circle_reach(out->result, minutes[c])] = greens[std::min(c, std::size(greens) - 1)];
        view.style.fixed_colours[geo::life_circle_reach(out->result, -1)] = geo::rgba(215, 25, 28);
        ws.add_or_replace_computed(std::move(layer), std::move(view));
        for (const std::string& w : out->warnings) ws.warn("life circles: " + w);
        for (const std::string& line : out->summary) append_utf8_codepoints(line, ws.glyphs_wanted);
        for (const std::string& p : out->result.park_name) append_utf8_codepoints(p, ws.glyphs_wanted);
        m_out = out;
        ws.lifecircles_computed = true;
        ws.info(tr("life circles: the enterprises are on the map by the nearest circle that holds every daily facility"));
    }

    void results()
    {
        const geo::LifeCircleResult& r = m_out->result;
        ImGui::Separator();
        const auto& minutes = r.spec.minutes;
        const size_t np = r.park_name.size(), nt = r.types.size(), nc = minutes.size();
        const size_t target = static_cast<size_t>(std::find(minutes.begin(), minutes.end(), r.spec.target_minutes) - minutes.begin());
        ImGui::TextWrapped(tr("Employees reaching every daily facility (%zu types) within each circle; target %.0f%% within %d minutes"), nt,
                           100 * r.spec.target_share, r.spec.target_minutes);
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
        if (ImGui::BeginTable("life_circles", static_cast<int>(nc) + 1, flags, ImVec2(0, 320))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn(tr("Park"));
            for (int m : minutes) ImGui::TableSetupColumn(geo::printf_text(tr("%d min"), m).c_str());
            ImGui::TableHeadersRow();
            for (size_t p = 0; p <= np; ++p) {
                if (r.total[p].enterprises == 0) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(p < np ? r.park_name[p].c_str() : tr("(all in parks)"));
                for (size_t c = 0; c < nc; ++c) {
                    ImGui::TableNextColumn();
                    const double share = m_out->shares[p][c];
                    const bool below = c == target && share < r.spec.target_share;
                    if (below) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%.1f%%", 100 * share);
                    else ImGui::Text("%.1f%%", 100 * share);
                }
            }
            ImGui::EndTable();
        }
        for (const std::string& line : m_out->summary)
            if (line.rfind("daily facilities", 0) == 0 || line.rfind("life circles", 0) == 0) ImGui::TextDisabled("%s", line.c_str());
    }

    geo::LifeCircleSettings m_settings;
    std::vector<double> m_defaults;  // the table's distances, for a walking speed of 0
    std::shared_ptr<Output> m_out;
    std::string m_error, m_spec_error;
    bool m_started = false;
    const Document* m_doc = nullptr;
};

}  // namespace

[[maybe_unused]] const bool registered_lifecircles =
    register_panel({95, "lifecircles", true, [] { return std::unique_ptr<Panel>(std::make_unique<LifeCirclesPanel>()); }});

}  // namespace gui
