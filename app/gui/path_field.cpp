#include "gui/path_field.h"

#include <cstdio>

#include <imgui.h>

#include "gui/i18n.h"

namespace gui {

void path_field(Workspace& ws, const char* id, char* buffer, size_t size, const std::string& title, std::vector<std::string> extensions,
                FileRequest::Purpose purpose, float width)
{
    const std::string field = std::string("##") + id;
    ImGui::SetNextItemWidth(width);
    ImGui::InputText(field.c_str(), buffer, size);
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr("Browse...")) + field).c_str())) {
        FileRequest r;
        r.purpose = purpose;
        r.title = title;
        r.extensions = std::move(extensions);
        r.start = buffer;
        r.done = [buffer, size](Workspace&, const std::string& path) { std::snprintf(buffer, size, "%s", path.c_str()); };
        ws.file_request = std::move(r);
    }
}

}  // namespace gui
