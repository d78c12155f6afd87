// The main menu: File, Edit, View; and the loading overlay.
#include <imgui.h>

#include "geo/project/data_dir.h"
#include "gui/panels.h"
#include "gui/project_loader.h"
#include "gui/recent_projects.h"
#include "gui/i18n.h"

namespace gui {

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
        if (ImGui::MenuItem(tr("Import CAD drawing (DXF)..."), nullptr, false, ws.doc != nullptr)) ws.request_cad_import = true;
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
