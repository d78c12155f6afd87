// The main menu: File, Edit, View; and the loading overlay.
#include <ctime>
#include <filesystem>

#include <imgui.h>

#include "geo/capacity/capacity_run.h"
#include "geo/capacity/scenario.h"
#include "geo/core/progress.h"
#include "geo/core/error.h"
#include "geo/io/atomic_file.h"
#include "geo/print/print_map.h"
#include "geo/report/html_report.h"
#include "geo/report/text_format.h"

#include "geo/project/data_dir.h"
#include "gui/panels.h"
#include "gui/project_loader.h"
#include "gui/recent_projects.h"
#include "gui/i18n.h"

namespace gui {

FileRequest save_as_request(const Workspace& ws)
{
    FileRequest r;
    r.purpose = FileRequest::Save;
    r.title = tr("Save project as");
    r.extensions = {".parkcap.json"};
    r.start = ws.project_path.empty() ? std::string("untitled.parkcap.json") : ws.project_path;
    r.done = [](Workspace& w, const std::string& path) { w.request_save_as = path; };
    return r;
}

FileRequest export_map_request(const Workspace& ws)
{
    FileRequest r;
    r.purpose = FileRequest::Save;
    r.title = tr("Export map");
    r.extensions = {".pdf", ".svg", ".png"};
    std::error_code ec;
    const std::filesystem::path folder =
        ws.project_path.empty() ? std::filesystem::current_path(ec) : std::filesystem::absolute(ws.project_path, ec).parent_path();
    r.start = (folder / "map.pdf").string();
    r.done = [](Workspace& w, const std::string& path) {
        if (!w.doc) return;
        // What is shown is what is printed: the map's clear part, the visible layers in their
        // order and styles, the interface language.
        geo::MapPage page;
        page.title = w.doc->project.project.name;
        page.crs = w.doc->project.working.crs.describe();
        page.language = language();
        const geo::Coord a = w.camera.screen_to_map(w.map_area[0], w.map_area[3]), b = w.camera.screen_to_map(w.map_area[2], w.map_area[1]);
        page.extent = {a.x, a.y, b.x, b.y};
        std::string sources;
        for (const LayerView& v : w.doc->views) {
            const geo::LoadedLayer& l = w.doc->layer_of(v);
            geo::PrintLayer pl;
            pl.data = l.data.get();
            pl.style = v.style;
            pl.title = l.config.id;
            pl.aggregate = l.config.role == geo::Role::Enterprises;
            if (l.config.role == geo::Role::Regions) pl.label_colour = geo::rgba(110, 110, 110);
            page.layers.push_back(pl);
            if (v.style.visible && !l.config.source.path.empty())
                sources += (sources.empty() ? "" : ", ") + std::filesystem::path(l.config.source.path).filename().string();
        }
        page.sources = (language() == geo::Language::Zh ? "数据：" : "Data: ") + sources;
        const std::time_t t = std::time(nullptr);
        std::tm tm{};
        localtime_r(&t, &tm);
        char date[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
        page.date = date;
        try {
            geo::write_map(page, geo::PaperSpec{}, path);
            w.info(geo::printf_text(tr("wrote the map to %s"), path.c_str()));
        } catch (const std::exception& e) {
            w.error(e.what());
        }
    };
    return r;
}

FileRequest export_report_request(const Workspace& ws)
{
    FileRequest r;
    r.purpose = FileRequest::Save;
    r.title = tr("Export report");
    r.extensions = {".html"};
    std::error_code ec;
    const std::filesystem::path folder =
        ws.project_path.empty() ? std::filesystem::current_path(ec) : std::filesystem::absolute(ws.project_path, ec).parent_path();
    r.start = (folder / "report.html").string();
    r.done = [](Workspace& w, const std::string& path) {
        if (!w.doc) return;
        // The same engine as `parkcap report`, in the interface language and the project's units,
        // on a worker (a snapshot of the project; the result is written there and reported here).
        auto snapshot = std::make_shared<const geo::LoadedProject>(w.doc->project);
        const geo::Language lang = language();
        const geo::DisplayUnits units = w.doc->units;
        w.info(geo::printf_text(tr("writing the report to %s..."), path.c_str()));
        w.tasks.start("report", [snapshot, lang, units, path](const geo::Progress&) -> TaskRunner::Finish {
        try {
            const geo::LoadedProject& project = *snapshot;
            const geo::CapacityBase base = geo::capacity_base(project);
            geo::ReportInput in;
            in.language = lang;
            in.units = units;
            in.runs.push_back(geo::run_capacity(project.project, project.working.crs, base, ""));
            for (const std::string& name : geo::scenario_names(project.project))
                in.runs.push_back(geo::run_capacity(project.project, project.working.crs, base, name));
            geo::MapPage page = geo::project_page(project, lang);
            const std::time_t t = std::time(nullptr);
            std::tm tm{};
            localtime_r(&t, &tm);
            char date[16];
            std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
            in.title = page.title;
            in.date = page.date = date;
            in.crs = page.crs;
            in.sources = page.sources;
            geo::PaperSpec paper;
            paper.size = geo::PaperSpec::Pixels;
            paper.width_px = 1400;
            paper.height_px = 900;
            in.map_svg = geo::render_map(page, paper, ".svg");
            geo::write_file_atomically(path, geo::html_report(in));
            return [path](Workspace& done) { done.info(geo::printf_text(tr("wrote the report to %s"), path.c_str())); };
        } catch (const geo::Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            const std::string what = e.what();
            return [what](Workspace& done) { done.error(what); };
        }
        });
    };
    return r;
}

void draw_menu_bar(Workspace& ws, std::vector<std::unique_ptr<Panel>>& panels, Panels& layout)
{
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(tr("File"))) {
        if (ImGui::MenuItem(tr("Open..."), "Ctrl+O")) ws.request_open_dialog = true;
        // The bundled demo, from wherever parkcap's data is (the installed copy included).
        const auto demo = geo::find_data("chongqing-demo/chongqing-demo.parkcap.json");
        if (ImGui::MenuItem(tr("Open the demo (Chongqing)"), nullptr, false, demo.has_value())) ws.open_requests.push_back(demo->string());
        if (ImGui::BeginMenu(tr("Recent projects"))) {
            const auto recent = recent_projects();
            if (recent.empty()) ImGui::TextDisabled("%s", tr("(none yet)"));
            for (const std::string& p : recent)
                if (ImGui::MenuItem(p.c_str())) ws.open_requests.push_back(p);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem(tr("Save project"), "Ctrl+S", false, ws.doc != nullptr)) ws.request_save = true;
        if (ImGui::MenuItem(tr("Save project as..."), "Ctrl+Shift+S", false, ws.doc != nullptr)) ws.file_request = save_as_request(ws);
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Export layer..."), nullptr, false, ws.doc != nullptr)) ws.request_export_layer = true;
        if (ImGui::MenuItem(tr("Export map..."), nullptr, false, ws.doc != nullptr)) ws.file_request = export_map_request(ws);
        if (ImGui::MenuItem(tr("Export report..."), nullptr, false, ws.doc != nullptr)) ws.file_request = export_report_request(ws);
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Quit"), "Ctrl+Q")) ws.request_quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("Edit"))) {
        const std::string undo_label = ws.undo.empty() ? tr("Undo") : tr("Undo: ") + ws.undo.back().label;
        const std::string redo_label = ws.redo.empty() ? tr("Redo") : tr("Redo: ") + ws.redo.back().label;
        if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, !ws.undo.empty())) ws.undo_edit();
        if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Y", false, !ws.redo.empty())) ws.redo_edit();
        if (ImGui::MenuItem(tr("Clear selection"), "Esc")) ws.select(-1, -1, false);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("View"))) {
        if (ImGui::MenuItem(tr("Zoom to everything"), nullptr, false, ws.doc != nullptr)) ws.zoom_to_all();
        ImGui::Separator();
        for (auto& p : panels)
            if (dock_of(p->name()) != Dock::None) ImGui::MenuItem(tr(panel_title(p->name())), nullptr, &p->visible);
        ImGui::Separator();
        if (ImGui::BeginMenu(tr("Units"), ws.doc != nullptr)) {
            // Saved with the project: the GUI, the command line's tables and reports all use them.
            geo::DisplayUnits u = ws.doc->units;
            for (geo::AreaUnit a : {geo::AreaUnit::M2, geo::AreaUnit::Ha, geo::AreaUnit::Km2, geo::AreaUnit::Mu}) {
                const std::string name = geo::symbol(a, language());
                if (ImGui::MenuItem((tr("Area in ") + name).c_str(), nullptr, u.area == a)) {
                    u.area = a;
                    ws.set_units(u, tr("units: area in ") + name);
                }
            }
            ImGui::Separator();
            for (geo::MoneyUnit m : {geo::MoneyUnit::Yuan, geo::MoneyUnit::Wanyuan}) {
                const std::string name = geo::symbol(m, language());
                if (ImGui::MenuItem((tr("Money in ") + name).c_str(), nullptr, u.money == m)) {
                    u.money = m;
                    ws.set_units(u, tr("units: money in ") + name);
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem(tr("Reset layout"))) layout.reset_layout();
        if (ImGui::BeginMenu(tr("Language"))) {
            // Each in its own language, so a planner who cannot read the other finds theirs.
            if (ImGui::MenuItem("中文", nullptr, language() == geo::Language::Zh)) ws.request_language = geo::Language::Zh;
            if (ImGui::MenuItem("English", nullptr, language() == geo::Language::En)) ws.request_language = geo::Language::En;
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void draw_loading_overlay(const ProjectLoader& loader)
{
    if (!loader.busy()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(420, 0));
    ImGui::Begin(tr("Loading"), nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(loader.stage().c_str());
    ImGui::ProgressBar(static_cast<float>(loader.progress()), ImVec2(-1, 0));
    if (ImGui::Button(tr("Cancel"))) const_cast<ProjectLoader&>(loader).cancel();
    ImGui::End();
}

}  // namespace gui
