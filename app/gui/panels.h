#pragma once
// Every window and panel of the workspace, one class each, drawn in a fixed order.
#include <memory>
#include <string>
#include <vector>

#include "gui/workspace.h"

namespace gui {

class ProjectLoader;

// The common shape of a panel.
class Panel {
public:
    virtual ~Panel() = default;
    virtual const char* name() const = 0;  // as --panel takes it
    virtual void draw(Workspace& ws) = 0;
    bool visible = true;
};

class ParkSummaryPanel;

class Panels {
public:
    Panels();
    ~Panels();
    void draw(Workspace& ws, const ProjectLoader& loader);
    // Only these panels (by name); the map always shows. Without chrome (a screenshot) the
    // menu bar and the loading overlay go too.
    void show_only(const std::vector<std::string>& names, bool chrome = false);
    void set_park(size_t park);

private:
    std::vector<std::unique_ptr<Panel>> m_panels;
    ParkSummaryPanel* m_park = nullptr;
    bool m_chrome = true;  // menu bar and loading overlay
};

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

void draw_menu_bar(Workspace& ws, std::vector<std::unique_ptr<Panel>>& panels);
void draw_loading_overlay(const ProjectLoader& loader);

}  // namespace gui
