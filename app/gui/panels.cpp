#include "gui/panels.h"

#include <algorithm>

#include "gui/park_summary_panel.h"
#include "gui/project_loader.h"

namespace gui {

namespace {

std::vector<PanelRegistration>& registry()
{
    static std::vector<PanelRegistration> panels;  // filled before main() by each panel's file
    return panels;
}

}  // namespace

bool register_panel(PanelRegistration r)
{
    auto& list = registry();
    list.insert(std::upper_bound(list.begin(), list.end(), r, [](const auto& a, const auto& b) { return a.order < b.order; }), r);
    return true;
}

const std::vector<PanelRegistration>& registered_panels() { return registry(); }

Panels::Panels()
{
    for (const PanelRegistration& r : registered_panels()) {
        m_panels.push_back(r.make());
        if (auto* park = dynamic_cast<ParkSummaryPanel*>(m_panels.back().get())) m_park = park;
    }
}

Panels::~Panels() = default;

void Panels::show_only(const std::vector<std::string>& names, bool chrome)
{
    m_chrome = chrome;
    for (auto& p : m_panels)
        p->visible = std::string(p->name()) == "map" || std::find(names.begin(), names.end(), p->name()) != names.end();
}

void Panels::set_park(size_t park) { m_park->set_park(park); }

void Panels::draw(Workspace& ws, const ProjectLoader& loader)
{
    if (m_chrome) draw_menu_bar(ws, m_panels);
    // Panels with background work (files, density) run even while hidden, to finish it.
    for (auto& p : m_panels)
        if (p->visible || std::string(p->name()) == "files" || std::string(p->name()) == "density" ||
            std::string(p->name()) == "clusters" || std::string(p->name()) == "coverage" || std::string(p->name()) == "capacity")
            p->draw(ws);
    if (m_chrome) draw_loading_overlay(loader);
}

}  // namespace gui
