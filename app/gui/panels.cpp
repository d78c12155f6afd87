#include "gui/panels.h"

#include <algorithm>

#include <imgui.h>

#include "gui/i18n.h"
#include "gui/park_summary_panel.h"
#include "gui/project_loader.h"

namespace gui {

namespace {

std::vector<PanelRegistration>& registry()
{
    static std::vector<PanelRegistration> panels;  // filled before main() by each panel's file
    return panels;
}

// Where each panel lives, in tab order within its region.
struct Placement {
    const char* name;
    Dock dock;
    const char* title;
};
constexpr Placement kPlacements[] = {
    {"layers", Dock::Left, N_("Layers")},          {"legend", Dock::Left, N_("Legend")},
    {"identify", Dock::LeftLower, N_("Identify")}, {"park", Dock::LeftLower, N_("Park summary")},
    {"measure", Dock::LeftLower, N_("Measure")},   {"density", Dock::Right, N_("Density")},
    {"clusters", Dock::Right, N_("Clusters")},     {"coverage", Dock::Right, N_("Coverage")},
    {"lifecircles", Dock::Right, N_("Life circles")},
    {"capacity", Dock::Right, N_("Capacity")},     {"allocation", Dock::Right, N_("Allocation")},
    {"suitability", Dock::Right, N_("Suitability")},   {"performance", Dock::Right, N_("Performance per mu")},
    {"table", Dock::Bottom, N_("Attribute table")}, {"messages", Dock::Bottom, N_("Messages")},
};

const Placement* placement_of(const std::string& name)
{
    for (const Placement& p : kPlacements)
        if (name == p.name) return &p;
    return nullptr;
}

bool g_in_region = false;  // begin_panel is called from a region's chosen tab

}  // namespace

bool register_panel(PanelRegistration r)
{
    auto& list = registry();
    list.insert(std::upper_bound(list.begin(), list.end(), r, [](const auto& a, const auto& b) { return a.order < b.order; }), r);
    return true;
}

const std::vector<PanelRegistration>& registered_panels() { return registry(); }

Dock dock_of(const std::string& name)
{
    const Placement* p = placement_of(name);
    return p ? p->dock : Dock::None;
}

const char* panel_title(const std::string& name)
{
    const Placement* p = placement_of(name);
    return p ? p->title : "";
}

bool begin_panel(const char* id)
{
    if (!g_in_region) return false;
    ImGui::BeginChild(id, ImVec2(0, 0), false);
    return true;
}

void end_panel()
{
    if (g_in_region) ImGui::EndChild();
}

Panels::Panels()
{
    for (const PanelRegistration& r : registered_panels()) {
        m_panels.push_back(r.make());
        if (auto* park = dynamic_cast<ParkSummaryPanel*>(m_panels.back().get())) m_park = park;
    }
    m_was_visible.resize(m_panels.size(), true);
    for (size_t i = 0; i < m_panels.size(); ++i) m_was_visible[i] = m_panels[i]->visible;
    m_select = m_layout.active;
}

Panels::~Panels() = default;

void Panels::set_layout(const LayoutState& layout)
{
    m_layout = layout;
    m_select = layout.active;
}

void Panels::show_only(const std::vector<std::string>& names, bool chrome)
{
    m_chrome = chrome;
    m_layout = LayoutState{};
    m_layout.left_open = m_layout.right_open = m_layout.bottom_open = true;
    m_layout.active = {};
    for (auto& p : m_panels)
        p->visible = std::string(p->name()) == "map" || std::find(names.begin(), names.end(), p->name()) != names.end();
    for (const std::string& n : names) {  // the first named panel of each region is its chosen tab
        const Dock d = dock_of(n);
        if (d != Dock::None && m_layout.active[static_cast<size_t>(d)].empty()) m_layout.active[static_cast<size_t>(d)] = n;
    }
    for (size_t i = 0; i < m_panels.size(); ++i) m_was_visible[i] = m_panels[i]->visible;
    m_select = m_layout.active;
}

void Panels::reset_layout()
{
    set_layout(LayoutState{});
    for (auto& p : m_panels) p->visible = true;
}

void Panels::show(const std::string& name)
{
    const Dock d = dock_of(name);
    if (d == Dock::None) return;
    for (auto& p : m_panels)
        if (name == p->name()) p->visible = true;
    m_select[static_cast<size_t>(d)] = name;
    m_layout.active[static_cast<size_t>(d)] = name;
    if (d == Dock::Left || d == Dock::LeftLower) m_layout.left_open = true;
    if (d == Dock::Right) m_layout.right_open = true;
    if (d == Dock::Bottom) m_layout.bottom_open = true;
}

void Panels::set_park(size_t park) { m_park->set_park(park); }

void Panels::draw(Workspace& ws, const ProjectLoader& loader)
{
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    if (m_chrome) draw_menu_bar(ws, m_panels, *this);
    // A panel opened from the View menu (or by a command) becomes its region's chosen tab.
    for (size_t i = 0; i < m_panels.size(); ++i) {
        if (m_panels[i]->visible && !m_was_visible[i]) show(m_panels[i]->name());
        m_was_visible[i] = m_panels[i]->visible;
    }
    // An error unfolds the drawer on Messages: a failure is never out of sight.
    if (ws.messages.size() > m_seen_messages) {
        for (size_t i = m_seen_messages; i < ws.messages.size(); ++i)
            if (ws.messages[i].level == Message::Error && !ws.automated) show("messages");
        m_seen_messages = ws.messages.size();
    }

    LayoutMetrics m;
    m.menu_height = m_chrome ? ImGui::GetFrameHeight() : 0;
    m.status_height = ImGui::GetTextLineHeight() + 12;  // the map's status strip (map_view.cpp)
    m.tab_height = ImGui::GetFrameHeight() + 8;
    m_layout = clamp_layout(m_layout, vp->Size.x, vp->Size.y);
    Occupied occupied{false, false, false, false};
    for (auto& p : m_panels) {
        if (!p->visible) continue;
        switch (dock_of(p->name())) {
        case Dock::Left: occupied.left = true; break;
        case Dock::LeftLower: occupied.left_lower = true; break;
        case Dock::Right: occupied.right = true; break;
        case Dock::Bottom: occupied.bottom = true; break;
        case Dock::None: break;
        }
    }
    m_rects = compute_layout(m_layout, occupied, vp->Size.x, vp->Size.y, m);
    ws.camera.set_fit_area(m_rects.map.x, m_rects.map.y, m_rects.map.right(), m_rects.map.bottom());
    ws.map_area[0] = m_rects.map.x, ws.map_area[1] = m_rects.map.y, ws.map_area[2] = m_rects.map.right(), ws.map_area[3] = m_rects.map.bottom();

    for (auto& p : m_panels) p->on_screen = false;
    // The map first: it draws behind everything and takes the mouse where no region is.
    for (auto& p : m_panels)
        if (std::string(p->name()) == "map") {
            p->on_screen = true;
            p->draw(ws);
        }
    const Rect* region_rects[] = {&m_rects.left, &m_rects.left_lower, &m_rects.right, &m_rects.bottom};
    for (size_t d = 0; d < kDockCount; ++d)
        if (!region_rects[d]->empty()) draw_region(ws, static_cast<Dock>(d), *region_rects[d]);
    draw_splitters(vp->Size.x, vp->Size.y, m);
    // The rest, every frame: floating windows (the file browser), and the panels not on
    // screen, to finish their background work or let go of the map's tools (their
    // begin_panel is false).
    for (auto& p : m_panels)
        if (std::string(p->name()) != "map" && !p->on_screen) p->draw(ws);
    if (m_chrome) draw_loading_overlay(loader);
}

void Panels::draw_region(Workspace& ws, Dock dock, const Rect& rect)
{
    const size_t d = static_cast<size_t>(dock);
    bool& open = dock == Dock::Right ? m_layout.right_open : dock == Dock::Bottom ? m_layout.bottom_open : m_layout.left_open;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(4, 4));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    const std::string window_id = "##region" + std::to_string(d);
    ImGui::Begin(window_id.c_str(), nullptr, flags);
    ImGui::PopStyleVar(3);
    const bool was_open = open;
    // A click on a folded region (its tab row is all there is of it) unfolds it.
    if (!was_open && ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) open = true;
    if (ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll | ImGuiTabBarFlags_NoCloseWithMiddleMouseButton)) {
        for (const Placement& place : kPlacements) {  // tabs in the placement table's order
            if (place.dock != dock) continue;
            auto it = std::find_if(m_panels.begin(), m_panels.end(), [&](const auto& p) { return place.name == std::string(p->name()); });
            if (it == m_panels.end() || !(*it)->visible) continue;
            Panel* p = it->get();
            const std::string label = std::string(tr(panel_title(p->name()))) + "###" + p->name();
            // No close button on the tab (a click meant for the tab closed it): View hides panels.
            const ImGuiTabItemFlags tab_flags = m_select[d] == p->name() ? ImGuiTabItemFlags_SetSelected : 0;
            const bool chosen = ImGui::BeginTabItem(label.c_str(), nullptr, tab_flags);
            if (chosen) {
                m_layout.active[d] = p->name();
                if (open) {
                    p->on_screen = true;
                    g_in_region = true;
                    p->draw(ws);
                    g_in_region = false;
                }
                ImGui::EndTabItem();
            }
        }
        m_select[d].clear();
        const bool folds = dock != Dock::LeftLower || m_rects.left.empty();  // the column folds from its upper region
        if (folds && ImGui::TabItemButton(was_open ? "-" : "+", ImGuiTabItemFlags_Trailing | ImGuiTabItemFlags_NoTooltip))
            open = !was_open;
        if (folds && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", was_open ? tr("Fold") : tr("Unfold"));
        ImGui::EndTabBar();
    }
    ImGui::End();
}

namespace {

// A strip of `r` that drags one size of the layout; returns the mouse movement while held.
float splitter(const char* id, const Rect& r, bool vertical_edge)
{
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar(3);
    ImGui::InvisibleButton("##drag", ImVec2(r.w, r.h));
    float moved = 0;
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(vertical_edge ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    if (ImGui::IsItemActive()) moved = vertical_edge ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
    ImGui::End();
    return moved;
}

}  // namespace

void Panels::draw_splitters(float width, float height, const LayoutMetrics& m)
{
    const float top = m.menu_height, floor = height - m.status_height, grip = 6;
    LayoutState& s = m_layout;
    const bool left_column = !m_rects.left.empty() || !m_rects.left_lower.empty();
    if (left_column && s.left_open) {
        s.left_width += splitter("##split_left", {s.left_width - grip / 2, top, grip, floor - top}, true);
        if (!m_rects.left.empty() && !m_rects.left_lower.empty())
            s.left_split += splitter("##split_left_rows", {0, m_rects.left_lower.y - grip / 2, s.left_width - grip, grip}, false) /
                            std::max(1.0f, floor - top);
    }
    if (!m_rects.right.empty() && s.right_open)
        s.right_width -= splitter("##split_right", {width - s.right_width - grip / 2, top, grip, floor - top}, true);
    if (!m_rects.bottom.empty() && s.bottom_open)
        s.bottom_height -= splitter("##split_bottom", {m_rects.bottom.x, m_rects.bottom.y - grip / 2, m_rects.bottom.w, grip}, false);
}

}  // namespace gui
