// The main menu: File, Edit, View; and the loading overlay.
#include <imgui.h>

#include "geo/project/data_dir.h"
#include "gui/panels.h"
#include "gui/project_loader.h"
#include "gui/recent_projects.h"

namespace gui {

void draw_menu_bar(Workspace& ws, std::vector<std::unique_ptr<Panel>>& panels, Panels& layout)
{
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open...", "Ctrl+O")) ws.request_open_dialog = true;
        // The bundled demo, from wherever parkcap's data is (the installed copy included).
        const auto demo = geo::find_data("chongqing-demo/chongqing-demo.parkcap.json");
        if (ImGui::MenuItem("Open the demo (Chongqing)", nullptr, false, demo.has_value())) ws.open_requests.push_back(demo->string());
        if (ImGui::BeginMenu("Recent projects")) {
            const auto recent = recent_projects();
            if (recent.empty()) ImGui::TextDisabled("(none yet)");
            for (const std::string& p : recent)
                if (ImGui::MenuItem(p.c_str())) ws.open_requests.push_back(p);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Save project", "Ctrl+S", false, ws.doc != nullptr)) ws.request_save = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) ws.request_quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo_label = ws.undo.empty() ? "Undo" : "Undo " + ws.undo.back().label;
        const std::string redo_label = ws.redo.empty() ? "Redo" : "Redo " + ws.redo.back().label;
        if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, !ws.undo.empty())) ws.undo_edit();
        if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Y", false, !ws.redo.empty())) ws.redo_edit();
        if (ImGui::MenuItem("Clear selection", "Esc")) ws.select(-1, -1, false);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Zoom to everything", nullptr, false, ws.doc != nullptr)) ws.zoom_to_all();
        ImGui::Separator();
        for (auto& p : panels)
            if (dock_of(p->name()) != Dock::None) ImGui::MenuItem(panel_title(p->name()), nullptr, &p->visible);
        ImGui::Separator();
        if (ImGui::MenuItem("Reset layout")) layout.reset_layout();
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
    ImGui::Begin("Loading", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(loader.stage().c_str());
    ImGui::ProgressBar(static_cast<float>(loader.progress()), ImVec2(-1, 0));
    if (ImGui::Button("Cancel")) const_cast<ProjectLoader&>(loader).cancel();
    ImGui::End();
}

}  // namespace gui
