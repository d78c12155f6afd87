// File > Open: an in-app browser for projects and every layer format the engine reads.
#include <algorithm>
#include <filesystem>

#include <imgui.h>

#include "gui/panels.h"
#include "gui/i18n.h"

namespace gui {

namespace fs = std::filesystem;

namespace {

bool openable(const fs::path& p)
{
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const char* exts[] = {".json", ".gpkg", ".shp", ".geojson", ".fgb", ".kml", ".kmz", ".csv", ".tsv", ".gml", ".sqlite"};
    return std::find(std::begin(exts), std::end(exts), ext) != std::end(exts);
}

class FileBrowser : public Panel {
public:
    const char* name() const override { return "files"; }
    void draw(Workspace& ws) override
    {
        if (ws.request_open_dialog) {
            ws.request_open_dialog = false;
            m_open = true;
            if (m_dir.empty()) {
                std::error_code ec;
                m_dir = ws.project_path.empty() ? fs::current_path(ec) : fs::absolute(ws.project_path, ec).parent_path();
            }
            refresh();
        }
        if (!m_open) return;
        ImGui::SetNextWindowSize(ImVec2(620, 440), ImGuiCond_FirstUseEver);
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
        if (!ImGui::Begin(tr("Open project or layer"), &m_open)) return ImGui::End();
        ImGui::TextWrapped("%s", m_dir.string().c_str());
        if (ImGui::Button(tr("Up")) && m_dir.has_parent_path()) {
            m_dir = m_dir.parent_path();
            refresh();
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr("projects (*.parkcap.json) and layers (.gpkg .shp .geojson .fgb .kml .csv)"));
        ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()));
        for (const auto& e : m_entries) {
            const bool dir = fs::is_directory(e);
            const std::string label = (dir ? "[dir] " : "") + e.filename().string();
            if (ImGui::Selectable(label.c_str(), m_chosen == e, ImGuiSelectableFlags_AllowDoubleClick)) {
                m_chosen = e;
                if (dir && ImGui::IsMouseDoubleClicked(0)) {
                    m_dir = e;
                    refresh();
                    break;
                }
                if (!dir && ImGui::IsMouseDoubleClicked(0)) choose(ws);
            }
        }
        ImGui::EndChild();
        if (ImGui::Button(tr("Open")) && !m_chosen.empty() && !fs::is_directory(m_chosen)) choose(ws);
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) m_open = false;
        ImGui::End();
    }

private:
    void refresh()
    {
        m_entries.clear();
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(m_dir, fs::directory_options::skip_permission_denied, ec)) {
            if (e.path().filename().string().rfind('.', 0) == 0) continue;
            if (e.is_directory(ec) || openable(e.path())) m_entries.push_back(e.path());
        }
        std::sort(m_entries.begin(), m_entries.end(), [](const fs::path& a, const fs::path& b) {
            const bool da = fs::is_directory(a), db = fs::is_directory(b);
            return da != db ? da : a.filename() < b.filename();
        });
    }
    void choose(Workspace& ws)
    {
        ws.open_requests.push_back(m_chosen.string());
        m_open = false;
    }
    bool m_open = false;
    fs::path m_dir, m_chosen;
    std::vector<fs::path> m_entries;
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_browser = register_panel({110, "browser", false, [] { return std::unique_ptr<Panel>(std::make_unique<FileBrowser>()); }});

}  // namespace gui
