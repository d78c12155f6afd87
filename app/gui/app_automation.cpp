// The automation modes of the App (app.h): --screenshot (the picture, the layout as drawn,
// any panel's error) and --benchmark-frames (frame times while the camera moves).
#include "gui/app.h"  // first: it brings in epoxy before GLFW's GL headers

#include <algorithm>
#include <chrono>
#include <cstdio>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "gui/basemap_view.h"
#include "render/screenshot.h"

namespace gui {

namespace {

// Peak resident memory of this process in MB (Linux), for benchmark output.
double peak_memory_mb()
{
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    double kb = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmHWM: %lf kB", &kb) == 1) break;
    std::fclose(f);
    return kb / 1024;
}

}  // namespace

std::string App::describe_layout() const
{
    // Measured from the windows ImGui drew (not from the layout's arithmetic): their union,
    // the menu bar and the status strip cover the map; any two that overlap are named.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    std::vector<std::pair<std::string, ImRect>> shown;
    for (ImGuiWindow* w : GImGui->Windows) {
        if (!w->WasActive || w->Hidden || w->ParentWindow || (w->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_ChildMenu))) continue;
        if (std::string(w->Name).rfind("##split", 0) == 0) continue;  // splitters straddle the edges on purpose
        shown.emplace_back(w->Name, w->Rect());
    }
    const int cols = static_cast<int>(vp->Size.x), rows = static_cast<int>(vp->Size.y);
    const int strip = static_cast<int>(ImGui::GetTextLineHeight() + 12);  // the map's status strip
    std::vector<unsigned char> covered(static_cast<size_t>(cols) * static_cast<size_t>(rows), 0);
    for (const auto& [name, r] : shown)
        for (int y = std::max(0, static_cast<int>(r.Min.y)); y < std::min(rows, static_cast<int>(r.Max.y)); ++y)
            for (int x = std::max(0, static_cast<int>(r.Min.x)); x < std::min(cols, static_cast<int>(r.Max.x)); ++x)
                covered[static_cast<size_t>(y) * static_cast<size_t>(cols) + static_cast<size_t>(x)] = 1;
    if (m_ws.doc)
        for (int y = std::max(0, rows - strip); y < rows; ++y)
            for (int x = 0; x < cols; ++x) covered[static_cast<size_t>(y) * static_cast<size_t>(cols) + static_cast<size_t>(x)] = 1;
    const double share = 1.0 - static_cast<double>(std::count(covered.begin(), covered.end(), 1)) / static_cast<double>(covered.size());
    std::string overlaps;
    for (size_t i = 0; i < shown.size(); ++i)
        for (size_t j = i + 1; j < shown.size(); ++j)
            if (shown[i].second.Overlaps(shown[j].second))
                overlaps += (overlaps.empty() ? "" : ", ") + shown[i].first + " and " + shown[j].first;
    char text[128];
    std::snprintf(text, sizeof text, "layout: the map shows on %.1f%% of the window, %zu panel windows; ", 100 * share, shown.size());
    return text + (overlaps.empty() ? std::string("no panels overlap") : "overlapping: " + overlaps);
}

bool App::results_ready() const
{
    auto wants = [&](const char* panel) { return std::find(m_options.panels.begin(), m_options.panels.end(), panel) != m_options.panels.end(); };
    return basemap_settled(m_ws) && (!wants("density") || (m_ws.density.result && !m_ws.density.busy)) &&
           (!wants("clusters") || m_ws.clusters_computed) && (!wants("coverage") || m_ws.coverage_computed) &&
           (!wants("capacity") || m_ws.capacity_computed) && (!wants("allocation") || m_ws.allocation_computed) &&
           (!wants("performance") || m_ws.performance_computed) && (!wants("suitability") || m_ws.suitability_computed) &&
           (!wants("lifecircles") || m_ws.lifecircles_computed);
}

int App::take_screenshot()
{
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(m_window, &fw, &fh);
    const std::string err = render::write_framebuffer_png(m_options.screenshot, fw, fh);
    // Any error a panel or the loader reported (a missing standards table, a failed
    // analysis) fails the run, after the picture is written: a report must not be built on it.
    size_t errors = 0;
    for (const Message& m : m_ws.messages) {
        if (m.level == Message::Warning) std::fprintf(stderr, "parkcap-gui: warning: %s\n", m.text.c_str());
        if (m.level == Message::Error) {
            std::fprintf(stderr, "parkcap-gui: error: %s\n", m.text.c_str());
            ++errors;
        }
    }
    if (!err.empty()) {
        std::fprintf(stderr, "parkcap-gui: error: %s\n", err.c_str());
        return 1;
    }
    std::printf("%s\n", describe_layout().c_str());
    std::printf("wrote %s (%dx%d)%s\n", m_options.screenshot.c_str(), fw, fh,
                errors ? (", but " + std::to_string(errors) + " error(s) above").c_str() : "");
    return m_load_failed || errors ? 1 : 0;
}

int App::run_benchmark()
{
    // Whole-city view and a park view; each frame pans or zooms a little, draws and waits
    // for the GPU, like a person dragging the map.
    using clock = std::chrono::steady_clock;
    const size_t uploads_before = render::GpuLayer::geometry_uploads();
    auto measure = [&](const char* label) {
        std::vector<double> ms;
        for (int i = 0; i < m_options.benchmark_frames; ++i) {
            const auto t0 = clock::now();
            m_ws.camera.pan_pixels((i % 20 < 10) ? 3 : -3, 0);
            m_ws.camera.zoom_about(m_ws.camera.width() / 2, m_ws.camera.height() / 2, (i % 40 < 20) ? 1.01 : 1 / 1.01);
            frame();
            render::MapRenderer::finish();
            ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
        }
        std::sort(ms.begin(), ms.end());
        std::printf("%-10s frames %d  median %.2f ms  p95 %.2f ms  max %.2f ms\n", label, m_options.benchmark_frames,
                    ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back());
    };
    std::printf("renderer: %s\n", render::MapRenderer::describe().c_str());
    m_ws.zoom_to_all();
    measure("city");
    if (!m_ws.doc->park_stats.empty()) {
        m_ws.select(m_ws.doc->view_with_role(geo::Role::Parks), 0, true);
        m_ws.select(-1, -1, false);
    }
    measure("park");
    const size_t reuploads = render::GpuLayer::geometry_uploads() - uploads_before;
    std::printf("geometry uploads during camera moves: %zu\n", reuploads);
    std::printf("load to first frame %.2f s, peak memory %.0f MB\n", m_load_seconds, peak_memory_mb());
    return reuploads == 0 ? 0 : 1;
}

}  // namespace gui
