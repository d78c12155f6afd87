#pragma once
// The workspace's layout, as arithmetic (unit-tested; dock.cpp draws it). Dear ImGui 1.86
// has no docking, so the places are ours:
//   - a left column: Layers | Legend above, Identify | Park summary | Measure below;
//   - a right column with the analysis tabs (Density, Clusters, Coverage, Capacity, Allocation);
//   - a bottom drawer between the columns: Attribute table | Messages;
//   - the map in what is left, between the menu bar and the status strip.
// Each region folds to its row of tabs and is resized by a splitter; a region with no open
// panel takes no room at all.
#include <array>
#include <string>

namespace gui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    float area() const { return w > 0 && h > 0 ? w * h : 0; }
    bool empty() const { return w <= 0 || h <= 0; }
    bool overlaps(const Rect& o) const;  // interiors meet (by more than 0.01 px)
    bool contains(float px, float py) const { return px >= x && px < right() && py >= y && py < bottom(); }
    bool operator==(const Rect&) const = default;
};

enum class Dock { Left, LeftLower, Right, Bottom, None };
constexpr size_t kDockCount = 4;  // Left .. Bottom

// What a planner can change (and what is remembered between sessions).
struct LayoutState {
    float left_width = 300, right_width = 500, bottom_height = 250;
    float left_split = 0.5f;  // share of the left column's height for its upper region
    // Folded to its tab row, by region (Left and LeftLower fold together with the column).
    bool left_open = true, right_open = false, bottom_open = false;
    std::array<std::string, kDockCount> active = {"layers", "identify", "density", "table"};  // each region's chosen tab
    bool operator==(const LayoutState&) const = default;
};

// The sizes of the fixed chrome, in pixels (they follow the font).
struct LayoutMetrics {
    float menu_height = 22;    // the main menu bar along the top
    float status_height = 29;  // the map's status strip along the bottom
    float tab_height = 26;     // a region's row of tabs (all a folded region shows)
};

// Which regions have at least one open panel.
struct Occupied {
    bool left = true, left_lower = true, right = true, bottom = true;
};

struct LayoutRects {
    Rect left, left_lower, right, bottom;  // empty when the region has no open panel
    Rect map;                              // the part of the map no region covers
};

// Keeps sizes usable in a window of `width` x `height`: columns between 180 px and 45% of
// the width, the drawer between 120 px and 60% of the height, the split between 20% and 80%.
LayoutState clamp_layout(LayoutState s, float width, float height);
LayoutRects compute_layout(const LayoutState& s, const Occupied& occupied, float width, float height, const LayoutMetrics& m);
// The share of the window's pixels where the map shows (not covered by a region or the chrome).
double map_share(const LayoutRects& r, float width, float height, const LayoutMetrics& m);

}  // namespace gui
