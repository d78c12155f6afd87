// 亩均效益: the enterprises scored per mu of land by a county's preset (editable tables in the
// standards folder), the bureau's indicator table joined by credit code or name, classes A-D
// as a map layer, the distribution and the lowest class's land per park, and the lowest
// class's plots as a redevelopment scenario for the capacity panel. Computed on a worker by
// the same geo::run_performance as `parkcap performance`.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <imgui.h>

#include "geo/capacity/capacity_tables.h"
#include "geo/performance/performance_run.h"
#include "geo/project/settings_reader.h"
#include "geo/report/performance_outputs.h"
#include "geo/report/text_format.h"
#include "gui/i18n.h"
#include "gui/panels.h"
#include "gui/path_field.h"

namespace gui {

namespace {

const char* kPerformanceLayer = "亩均效益";

struct Output {
    geo::PerformanceRun run;
    geo::CsvTable parks;
    std::vector<std::string> summary;
    std::pair<geo::LoadedLayer, LayerView> layer;
};

// The presets of the standards folder: mujun_NAME.csv -> NAME.
std::vector<std::string> presets_in(const std::filesystem::path& dir)
{
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const std::string f = e.path().filename().string();
        if (f.rfind("mujun_", 0) == 0 && e.path().extension() == ".csv") out.push_back(f.substr(6, f.size() - 10));
    }
    std::sort(out.begin(), out.end());
    return out;
}

// A column of the parks table as the planner reads it: "class_D_land_mu" -> "Class D land (mu)".
std::string header_text(const std::string& key)
{
    if (key == "park") return tr("Park");
    if (key == "enterprises") return tr("Enterprises");
    if (key == "scored") return tr("Scored");
    if (key == "unscored") return tr("Unscored");
    if (key == "mean_score") return tr("Mean score");
    if (key.rfind("class_", 0) != 0) return key;
    const std::string rest = key.substr(6);
    for (const auto& [tail, format] : {std::pair{"_land_m2", N_("Class %s land m²")}, {"_land_mu", N_("Class %s land (mu)")}})
        if (rest.size() > std::string(tail).size() && rest.substr(rest.size() - std::string(tail).size()) == tail)
            return geo::printf_text(tr(format), rest.substr(0, rest.size() - std::string(tail).size()).c_str());
    return geo::printf_text(tr("Class %s"), rest.c_str());
}

class PerformancePanel : public Panel {
public:
    const char* name() const override { return "performance"; }

    void draw(Workspace& ws) override
    {
        if (!visible) return;
        if (!begin_panel("Performance")) return end_panel();
        if (!ws.doc || ws.doc->view_with_role(geo::Role::Enterprises) < 0) {
            ImGui::TextDisabled("%s", tr("The project needs an enterprises layer."));
            return end_panel();
        }
        if (m_doc != ws.doc.get()) opened(ws);
        ImGui::TextWrapped("%s", tr("Enterprises scored per mu of land by a county's preset, classes A-D; the bureau's table joined by credit code, then name."));
        if (!m_presets.empty()) {
            std::string items;
            for (const std::string& p : m_presets) items += p + '\0';
            ImGui::Combo(tr("Preset"), &m_preset, items.c_str());
        }
        path_field(ws, "indicators", m_indicators, sizeof m_indicators, tr("Indicator table (tax, energy, value added, ...)"), {".csv"});
        ImGui::TextDisabled("%s", tr("Indicator table (empty: the layer's own tax, output and land)"));
        if (ws.tasks.running("performance")) ImGui::TextDisabled(tr("computing... %.0f%%"), 100 * ws.tasks.progress("performance"));
        else if (ImGui::Button(tr("Score")) || (ws.automated && !m_started)) start(ws);
        if (!m_error.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", m_error.c_str());
        if (m_out) results(ws);
        end_panel();
    }

private:
    void opened(Workspace& ws)
    {
        m_doc = ws.doc.get();
        m_out.reset();
        m_error.clear();
        m_presets = presets_in(geo::standards_folder(ws.doc->project.project));
        try {
            const geo::PerformanceSettings s = geo::performance_settings(ws.doc->project.project);
            const auto it = std::find_if(m_presets.begin(), m_presets.end(), [&](const std::string& p) { return p.rfind(s.preset, 0) == 0; });
            m_preset = it == m_presets.end() ? 0 : static_cast<int>(it - m_presets.begin());
            // As the project holds it (relative to the project file), not as resolved.
            const std::string table = geo::SettingsReader(ws.doc->project.project, "performance").text("indicators", "");
            std::snprintf(m_indicators, sizeof m_indicators, "%s", table.c_str());
        } catch (const std::exception& e) {
            ws.error(std::string(e.what()) + tr(" (the performance panel starts from its defaults)"));
        }
    }

    void start(Workspace& ws)
    {
        m_started = true;
        m_error.clear();
        if (m_presets.empty()) {
            m_error = tr("no 亩均效益 preset (mujun_*.csv) in the standards folder");
            ws.performance_computed = true;
            return;
        }
        // A table in the project's folder is kept relative to it, so the project moves with its folder.
        const geo::Project& project = ws.doc->project.project;
        std::filesystem::path table = m_indicators;
        const std::filesystem::path folder = project.file.parent_path();
        if (table.is_absolute() && !folder.empty()) {
            const std::filesystem::path inside = table.lexically_relative(std::filesystem::absolute(folder));
            if (!inside.empty() && *inside.begin() != "..") table = inside;
        }
        geo::store_settings(ws.doc->project.project, "performance", {{"preset", m_presets[static_cast<size_t>(m_preset)]}, {"indicators", table.string()}});
        std::snprintf(m_indicators, sizeof m_indicators, "%s", table.string().c_str());
        const geo::PerformanceSettings settings = geo::performance_settings(project);  // the table resolved against the project's folder
        auto snapshot = std::make_shared<const geo::LoadedProject>(ws.doc->project);
        const geo::Coord origin = ws.doc->origin;
        ws.tasks.start(
            "performance",
            [this, snapshot, origin, settings](const geo::Progress&) -> TaskRunner::Finish {
                auto out = std::make_shared<Output>();
                out->run = geo::run_performance(*snapshot, settings);
                out->parks = geo::performance_parks_table(out->run);
                out->summary = geo::performance_summary(out->run);
                out->layer = computed_view(geo::performance_layer(out->run), kPerformanceLayer, origin);
                return [this, out](Workspace& w) { finish(w, out); };
            },
            [this](Workspace& w, const std::string& what) {
                m_error = what;
                w.performance_computed = true;
            });
    }

    void finish(Workspace& ws, const std::shared_ptr<Output>& out)
    {
        if (!ws.doc) return;
        auto [layer, view] = std::move(out->layer);
        // A to D from green to the colour of a problem: class D is the land the county acts on.
        view.style.mode = geo::StyleMode::Categorized;
        view.style.field = "class";
        view.style.point_size_px = 9;
        view.style.stroke_width_px = 1;
        view.style.stroke = geo::rgba(255, 255, 255);  // a light rim: the class colour reads over the parks' green
        view.style.fixed_colours.clear();
        const geo::Rgba colours[] = {geo::rgba(26, 150, 65), geo::rgba(166, 217, 106), geo::rgba(253, 174, 97), geo::rgba(215, 25, 28)};
        const auto& classes = out->run.preset.classes;
        for (size_t c = 0; c < classes.size(); ++c)  // the first class green, the last red, those between spread over the rest
            view.style.fixed_colours[classes[c].name] = colours[classes.size() > 1 ? c * 3 / (classes.size() - 1) : 0];
        ws.add_or_replace_computed(std::move(layer), std::move(view));
        for (const auto& row : out->parks.rows)
            for (const std::string& cell : row) append_utf8_codepoints(cell, ws.glyphs_wanted);
        for (const std::string& line : out->summary) append_utf8_codepoints(line, ws.glyphs_wanted);
        m_out = out;
        ws.performance_computed = true;
        ws.info("performance: " + (out->summary.empty() ? std::string() : out->summary.front()));
    }

    void results(Workspace& ws)
    {
        const Output& o = *m_out;
        ImGui::Separator();
        for (const std::string& line : o.summary) ImGui::TextWrapped("%s", line.c_str());
        // The lowest class's plots inside parks, rebuilt: a scenario the capacity panel evaluates.
        ImGui::SetNextItemWidth(200);
        ImGui::InputText("##performance_scenario", m_scenario, sizeof m_scenario);
        ImGui::SameLine();
        if (ImGui::Button(tr("Redevelop the lowest class (scenario)"))) {
            try {
                const geo::LoadedLayer* firms = ws.doc->project.first(geo::Role::Enterprises);
                if (!firms) throw geo::Error("the project has no enterprises layer");
                if (!m_scenario[0]) throw geo::Error("give the scenario a name");
                const geo::Scenario s = geo::performance_scenario(o.run, firms->config.id, m_scenario, std::nullopt);
                ws.store_scenario_undoable(s, "亩均效益: scenario '" + std::string(m_scenario) + "'");
                ws.info(geo::printf_text(tr("performance: scenario '%s' saved; the capacity panel evaluates it"), m_scenario));
            } catch (const std::exception& e) {
                m_error = e.what();
            }
        }
        const geo::CsvTable& t = o.parks;
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                      ImGuiTableFlags_Resizable;
        const int columns = static_cast<int>(std::min<size_t>(t.header.size(), 64));
        if (columns == 0 || !ImGui::BeginTable("performance_parks", columns, flags)) return;
        ImGui::TableSetupScrollFreeze(1, 1);
        for (int c = 0; c < columns; ++c) ImGui::TableSetupColumn(header_text(t.header[static_cast<size_t>(c)]).c_str());
        ImGui::TableHeadersRow();
        for (const auto& row : t.rows) {
            ImGui::TableNextRow();
            for (int c = 0; c < columns; ++c) {
                ImGui::TableNextColumn();
                if (static_cast<size_t>(c) < row.size()) ImGui::TextUnformatted(row[static_cast<size_t>(c)].c_str());
            }
        }
        ImGui::EndTable();
    }

    std::vector<std::string> m_presets;
    int m_preset = 0;
    char m_indicators[1024] = "";
    char m_scenario[128] = "亩均 class D redeveloped";
    std::shared_ptr<Output> m_out;
    std::string m_error;
    bool m_started = false;
    const Document* m_doc = nullptr;
};

}  // namespace

[[maybe_unused]] const bool registered_performance =
    register_panel({107, "performance", true, [] { return std::unique_ptr<Panel>(std::make_unique<PerformancePanel>()); }});

}  // namespace gui
