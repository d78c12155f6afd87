// The unsaved-changes mark in the title bar and the save / discard / cancel prompt (app.h).
#include "gui/app.h"  // first: it brings in epoxy before GLFW's GL headers

#include <GLFW/glfw3.h>
#include <imgui.h>
#include "gui/i18n.h"

namespace gui {

void App::unsaved_prompt()
{
    // Until the planner first clicks or types, what the panels store on their own (their
    // settings, written out in full) is part of the project as opened, not a change.
    const ImGuiIO& io = ImGui::GetIO();
    for (bool clicked : io.MouseClicked) m_ws.user_acted = m_ws.user_acted || clicked;
    for (bool down : io.KeysDown) m_ws.user_acted = m_ws.user_acted || down;
    if (!m_ws.user_acted && m_ws.edit_version == m_ws.saved_version) m_ws.mark_saved();
    const bool unsaved = m_ws.unsaved();  // once a frame: it hashes the project's settings
    // The title bar says when there is something to save.
    const std::string title = std::string("parkcap") + (m_ws.doc ? " - " + (m_ws.project_path.empty() ? std::string("untitled") : m_ws.project_path) : "") +
                              (unsaved ? " *" : "");
    if (title != m_title) {
        glfwSetWindowTitle(m_window, title.c_str());
        m_title = title;
    }
    if (m_ws.request_quit) {
        m_ws.request_quit = false;
        if (unsaved && !m_ws.automated) m_prompt = Prompt::Quit;
        else glfwSetWindowShouldClose(m_window, GLFW_TRUE);
    }
    if (!m_prompt) return;
    const char* id = tr("Unsaved changes");
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(m_prompt == Prompt::Quit ? tr("The project has unsaved changes. Save them before closing?")
                                                        : tr("The project has unsaved changes. Save them before opening another?"));
        for (size_t k = 0; m_ws.doc && k < m_ws.doc->project.layers.size(); ++k)
            if (m_ws.doc->has_unsaved_attributes(k))
                ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), tr("Attribute edits of '%s' are kept only by Attribute table > Save edits."),
                                   m_ws.doc->project.layers[k].config.id.c_str());
        if (ImGui::Button(tr("Save (S)"))) m_prompt_answer = PromptAnswer::Save;
        ImGui::SameLine();
        if (ImGui::Button(tr("Discard (D)"))) m_prompt_answer = PromptAnswer::Discard;
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel (Esc)"))) m_prompt_answer = PromptAnswer::Cancel;
        if (m_prompt_answer != PromptAnswer::None) {
            const Prompt what = *m_prompt;
            const PromptAnswer answer = m_prompt_answer;
            m_prompt.reset();
            m_prompt_answer = PromptAnswer::None;
            ImGui::CloseCurrentPopup();
            if (answer == PromptAnswer::Save) save_project();
            const bool go_on = answer == PromptAnswer::Discard || (answer == PromptAnswer::Save && !m_ws.unsaved());
            if (what == Prompt::Quit && go_on) glfwSetWindowShouldClose(m_window, GLFW_TRUE);
            if (what == Prompt::Open) {
                if (go_on) m_open_confirmed = true;
                else m_ws.open_requests.clear();
            }
        }
        ImGui::EndPopup();
    }
}

}  // namespace gui
