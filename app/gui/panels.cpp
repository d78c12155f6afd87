#include "gui/panels.h"

#include <algorithm>

#include "gui/park_summary_panel.h"
#include "gui/project_loader.h"

namespace gui {

Panels::Panels()
{
    m_panels.push_back(make_map_view());
    m_panels.push_back(make_layers_panel());
    m_panels.push_back(make_legend_panel());
    m_panels.push_back(make_identify_panel());
    auto park = make_park_summary();
    m_park = park.get();
    m_panels.push_back(std::move(park));
    m_panels.push_back(make_attribute_table());
    m_panels.push_back(make_messages_panel());
    m_panels.push_back(make_density_panel());
    m_panels.push_back(make_clusters_panel());
    m_panels.push_back(make_coverage_panel());
    m_panels.push_back(make_capacity_panel());
    m_panels.push_back(make_file_browser());
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
