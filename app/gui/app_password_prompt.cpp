// The password prompt for a PostGIS database that asks for one (app.h).
#include "gui/app.h"  // first: it brings in epoxy before GLFW's GL headers

#include <cstdlib>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/i18n.h"

namespace gui {

void App::password_prompt()
{
    if (m_password_for.empty()) return;
    const char* id = tr("Database password");
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(tr("The database of this project asks for a password."));
    ImGui::TextDisabled("%s", tr("It is kept for this session only, never saved in the project."));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool entered = ImGui::InputText(tr("Password"), &m_password, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    const bool ok = ImGui::Button(tr("Connect")) || entered;
    ImGui::SameLine();
    const bool cancel = ImGui::Button(tr("Cancel (Esc)")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (ok || cancel) {
        if (ok) {
            // libpq reads PGPASSWORD at every connection; the project file never holds it.
            setenv("PGPASSWORD", m_password.c_str(), 1);
            m_ws.open_requests.push_back(m_password_for);
        }
        std::fill(m_password.begin(), m_password.end(), '\0');
        m_password.clear();
        m_password_for.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace gui
