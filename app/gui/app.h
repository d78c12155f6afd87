#pragma once
// The application: the window, the frame loop, loading, keyboard shortcuts, and the
// automation modes (--screenshot, --benchmark-frames). Panels do the rest.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <memory>

#include "gui/fonts.h"
#include "gui/gui_options.h"
#include "gui/panels.h"
#include "gui/project_loader.h"
#include "gui/user_prefs.h"
#include "gui/workspace.h"
#include "render/gpu_layer.h"
#include "render/map_renderer.h"
#include "render/image_layer.h"
#include "render/raster_layer.h"

struct GLFWwindow;

namespace gui {

class App {
public:
    explicit App(GuiOptions options);
    ~App();
    // Returns the process exit status.
    int run();

private:
    bool init_window();
    void frame();
    void poll_loader();
    void sync_gpu();
    void draw_map(int framebuffer_width, int framebuffer_height);  // app_map_draw.cpp
    void release_map_gpu();  // app_map_draw.cpp: every layer, surface and image on the GPU
    void shortcuts();
    // Saves to the project's file, or to `save_as` (Save As: the project is then that file).
    void save_project(const std::string& save_as = {});
    // The title bar's unsaved mark, and the save / discard / cancel prompt before the window
    // closes or another project opens over unsaved changes.
    void unsaved_prompt();
    // A database that asks for a password: the planner types it (masked); it goes to
    // PGPASSWORD for this session only, never into the project, and the load is tried again.
    void password_prompt();
    void apply_start_view();
    int take_screenshot();
    // --screenshot / --benchmark-frames: the basemap drawn and the results of the panels asked
    // for (--panel density, clusters, coverage, capacity, allocation) in.
    bool results_ready() const;
    // The map's visible share and any overlapping panels, as drawn (printed by --screenshot).
    std::string describe_layout() const;
    int run_benchmark();

    GuiOptions m_options;
    GLFWwindow* m_window = nullptr;
    Workspace m_ws;
    ProjectLoader m_loader;
    Fonts m_fonts;
    bool m_fonts_dirty = true;
    std::unique_ptr<render::MapRenderer> m_renderer;
    std::map<size_t, std::unique_ptr<render::GpuLayer>> m_gpu;  // by layer index
    std::unique_ptr<render::RasterLayer> m_density;             // the density overlay on the GPU
    std::unique_ptr<render::RasterLayer> m_suitability;         // the suitability overlay on the GPU
    std::unique_ptr<render::ImageLayer> m_basemap;              // the basemap image on the GPU
    int m_basemap_version = -1;
    struct Bins {
        std::unique_ptr<render::RasterLayer> raster;
        int version = -1;
    };
    std::map<size_t, Bins> m_bins;  // point layers drawn as bins at this zoom, by layer index
    int m_density_version = -1;
    int m_suitability_version = -1;
    std::unique_ptr<Panels> m_panels;
    bool m_load_failed = false;
    bool m_start_view_pending = true;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_wait_started = std::chrono::steady_clock::now();  // --screenshot: the project loaded
    bool m_wait_reported = false;
    double m_load_seconds = 0;
    enum class Prompt { Quit, Open };
    enum class PromptAnswer { None, Save, Discard, Cancel };
    std::optional<Prompt> m_prompt;
    PromptAnswer m_prompt_answer = PromptAnswer::None;
    bool m_open_confirmed = false;  // the planner chose save or discard: open the pending project
    std::string m_password_for;  // the project or layer whose database asked for a password
    std::string m_password;
    std::string m_title;
    UserPrefs m_prefs;
    bool m_remember_layout = false;
};

}  // namespace gui
