// The in-app file browser: File > Open (projects and every layer format the engine reads),
// File > Save project as (a folder and a name; replacing a file is confirmed), and the
// browse buttons of file fields (a panel's FileRequest).
#include <algorithm>
#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>

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
            FileRequest open;
            open.title = tr("Open project or layer");
            open.done = [](Workspace& w, const std::string& path) { w.open_requests.push_back(path); };
            start(ws, std::move(open));
        }
        if (ws.file_request) {
            start(ws, std::move(*ws.file_request));
            ws.file_request.reset();
        }
        if (!m_open) return;
        ImGui::SetNextWindowSize(ImVec2(620, 440), ImGuiCond_FirstUseEver);
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 2), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        const std::string title = m_request.title + "###files";
        if (!ImGui::Begin(title.c_str(), &m_open)) return ImGui::End();
        ImGui::TextWrapped("%s", m_dir.string().c_str());
        if (ImGui::Button(tr("Up")) && m_dir.has_parent_path()) {
            m_dir = m_dir.parent_path();
            refresh();
        }
        ImGui::SameLine();
        if (m_request.extensions.empty() && m_request.purpose == FileRequest::Read)
            ImGui::TextDisabled("%s", tr("projects (*.parkcap.json) and layers (.gpkg .shp .geojson .fgb .kml .csv)"));
        const bool saving = m_request.purpose == FileRequest::Save;
        ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * (saving ? 2.2f : 1.0f)));
        for (const auto& e : m_entries) {
            const bool dir = fs::is_directory(e);
            const std::string label = (dir ? "[dir] " : "") + e.filename().string();
            if (ImGui::Selectable(label.c_str(), m_chosen == e, ImGuiSelectableFlags_AllowDoubleClick)) {
                m_chosen = e;
                if (!dir && saving) m_name = e.filename().string();
                if (dir && ImGui::IsMouseDoubleClicked(0)) {
                    m_dir = e;
                    refresh();
                    break;
                }
                if (!dir && !saving && ImGui::IsMouseDoubleClicked(0)) choose(ws, m_chosen);
            }
        }
        ImGui::EndChild();
        if (saving) {
            ImGui::SetNextItemWidth(-1);
            ImGui::InputText("##name", &m_name);
            const fs::path target = m_dir / m_name;
            std::error_code ec;
            if (!m_replace.empty() && m_replace != target) m_replace.clear();
            if (m_replace.empty()) {
                if (ImGui::Button(tr("Save")) && !m_name.empty()) {
                    if (fs::exists(target, ec)) m_replace = target;  // asked first, below
                    else choose(ws, target);
                }
            } else {
                ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s", tr("A file of that name exists. Replace it?"));
                ImGui::SameLine();
                if (ImGui::Button(tr("Replace"))) choose(ws, target);
            }
        } else if (ImGui::Button(tr("Open")) && !m_chosen.empty() && !fs::is_directory(m_chosen)) {
            choose(ws, m_chosen);
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel"))) m_open = false;
        ImGui::End();
    }

private:
    void start(Workspace& ws, FileRequest request)
    {
        m_request = std::move(request);
        m_open = true;
        m_replace.clear();
        m_chosen.clear();
        std::error_code ec;
        if (!m_request.start.empty()) {
            const fs::path s = fs::absolute(m_request.start, ec);
            m_dir = fs::is_directory(s, ec) ? s : s.parent_path();
            m_name = fs::is_directory(s, ec) ? std::string() : s.filename().string();
        } else if (m_dir.empty()) {
            m_dir = ws.project_folder();
        }
        refresh();
    }

    bool listed(const fs::path& p) const
    {
        if (m_request.extensions.empty()) return m_request.purpose == FileRequest::Save || openable(p);
        std::string name = p.filename().string();
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const std::string& e : m_request.extensions)
            if (name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) return true;
        return false;
    }

    void refresh()
    {
        m_entries.clear();
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(m_dir, fs::directory_options::skip_permission_denied, ec)) {
            if (e.path().filename().string().rfind('.', 0) == 0) continue;
            if (e.is_directory(ec) || listed(e.path())) m_entries.push_back(e.path());
        }
        std::sort(m_entries.begin(), m_entries.end(), [](const fs::path& a, const fs::path& b) {
            const bool da = fs::is_directory(a), db = fs::is_directory(b);
            return da != db ? da : a.filename() < b.filename();
        });
    }
    void choose(Workspace& ws, const fs::path& path)
    {
        m_open = false;
        if (m_request.done) m_request.done(ws, path.string());
    }
    bool m_open = false;
    FileRequest m_request;
    fs::path m_dir, m_chosen, m_replace;
    std::string m_name;
    std::vector<fs::path> m_entries;
};

}  // namespace

// Registered once: its place in the drawing order and the name --panel takes.
[[maybe_unused]] const bool registered_browser = register_panel({110, "browser", false, [] { return std::unique_ptr<Panel>(std::make_unique<FileBrowser>()); }});

}  // namespace gui
