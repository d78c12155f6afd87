#pragma once
// Every window and panel of the workspace, one class each, drawn in a fixed order.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "gui/layout.h"
#include "gui/workspace.h"

namespace gui {

class ProjectLoader;

// The common shape of a panel.
class Panel {
public:
    virtual ~Panel() = default;
    virtual const char* name() const = 0;  // as --panel takes it
    virtual void draw(Workspace& ws) = 0;
    bool visible = true;     // open: a tab in its region (View menu, the tab's close button)
    bool on_screen = false;  // this frame: its tab is the chosen one of an unfolded region
};

// A panel draws its content between these two, wherever the layout put it this frame:
// begin_panel is false when the panel is not on screen (its tab not chosen, its region
// folded); end_panel is called either way, as with ImGui::Begin and ImGui::End.
bool begin_panel(const char* id);
void end_panel();

class ParkSummaryPanel;

// Every panel, placed by the layout (layout.h): docked in the left column, the right column
// or the bottom drawer as tabs, with splitters between regions and the map in the rest.
class Panels {
public:
    Panels();
    ~Panels();
    void draw(Workspace& ws, const ProjectLoader& loader);
    // Only these panels (by name), each region that holds one unfolded with the first of
    // them chosen; the map always shows. Without chrome (a screenshot) the menu bar and the
    // loading overlay go too.
    void show_only(const std::vector<std::string>& names, bool chrome = false);
    void set_park(size_t park);
    // The remembered layout (sizes, folds, chosen tabs); not remembered in automated runs.
    void set_layout(const LayoutState& layout);
    const LayoutState& layout() const { return m_layout; }
    // Sizes and folds back to the defaults, every panel open again (View > Reset layout).
    void reset_layout();
    // Opens `name` (a panel) as the chosen tab of its region, unfolding the region.
    void show(const std::string& name);
    // Where the regions and the map are this frame (for tests of the drawn layout).
    const LayoutRects& rects() const { return m_rects; }

private:
    void draw_region(Workspace& ws, Dock dock, const Rect& rect);
    void draw_splitters(float width, float height, const LayoutMetrics& m);
    std::vector<std::unique_ptr<Panel>> m_panels;
    std::vector<bool> m_was_visible;
    ParkSummaryPanel* m_park = nullptr;
    bool m_chrome = true;  // menu bar and loading overlay
    LayoutState m_layout;
    LayoutRects m_rects;
    std::array<std::string, kDockCount> m_select;  // a tab to choose next frame, by region
    size_t m_seen_messages = 0;
};

// The region a panel is docked in, and its title (Dock::None: a floating window or the map).
Dock dock_of(const std::string& panel_name);
const char* panel_title(const std::string& panel_name);

// The panel registry: each panel's own file registers it (a static initialiser), so adding
// a panel touches that file only. Panels are drawn in `order`; `name` is what --panel takes
// and what the panel's name() returns; `choosable` ones can be named with --panel.
struct PanelRegistration {
    int order;
    const char* name;
    bool choosable;
    std::unique_ptr<Panel> (*make)();
};
bool register_panel(PanelRegistration registration);
// Every registered panel, in drawing order.
const std::vector<PanelRegistration>& registered_panels();

// File > Save project as: the browser's request (the App saves when the planner chooses).
FileRequest save_as_request(const Workspace& ws);
// File > Export map: the map as shown (the clear part of the window, the visible layers in
// their styles) to a PDF, SVG or PNG on A4 (geo/print).
FileRequest export_map_request(const Workspace& ws);
// File > Export report: the park report (geo/report/html_report), as `parkcap report` writes it.
FileRequest export_report_request(const Workspace& ws);
void draw_menu_bar(Workspace& ws, std::vector<std::unique_ptr<Panel>>& panels, Panels& layout);
void draw_loading_overlay(const ProjectLoader& loader);

}  // namespace gui
