#include "gui/layout.h"

#include <algorithm>

namespace gui {

bool Rect::overlaps(const Rect& o) const
{
    const float e = 0.01f;  // shared edges computed two ways differ in the last bits
    return !empty() && !o.empty() && x + e < o.right() && o.x + e < right() && y + e < o.bottom() && o.y + e < bottom();
}

LayoutState clamp_layout(LayoutState s, float width, float height)
{
    const float column_max = std::max(180.0f, 0.45f * width);
    s.left_width = std::clamp(s.left_width, 180.0f, column_max);
    s.right_width = std::clamp(s.right_width, 180.0f, column_max);
    s.bottom_height = std::clamp(s.bottom_height, 120.0f, std::max(120.0f, 0.6f * height));
    s.left_split = std::clamp(s.left_split, 0.2f, 0.8f);
    return s;
}

LayoutRects compute_layout(const LayoutState& s, const Occupied& occupied, float width, float height, const LayoutMetrics& m)
{
    LayoutRects r;
    const float top = m.menu_height, floor = std::max(top, height - m.status_height);
    const float column_h = floor - top;
    const bool left_column = occupied.left || occupied.left_lower;
    const bool left_open = left_column && s.left_open, right_open = occupied.right && s.right_open;
    // Columns that would leave the middle (map and drawer) narrower than 30% of a small
    // window share what is left in proportion.
    float lw = s.left_width, rw = s.right_width;
    const float room = 0.7f * width;
    if (const float both = (left_column ? lw : 0) + (occupied.right ? rw : 0); both > room) lw *= room / both, rw *= room / both;

    if (left_column) {
        if (left_open && occupied.left && occupied.left_lower) {
            const float upper = std::clamp(column_h * s.left_split, std::min(m.tab_height, column_h / 2), std::max(column_h / 2, column_h - m.tab_height));
            r.left = {0, top, lw, upper};
            r.left_lower = {0, top + upper, lw, column_h - upper};
        } else if (left_open) {
            (occupied.left ? r.left : r.left_lower) = {0, top, lw, column_h};
        } else {  // folded: the tab rows only, one under the other
            float y = top;
            if (occupied.left) r.left = {0, y, lw, m.tab_height}, y += m.tab_height;
            if (occupied.left_lower) r.left_lower = {0, y, lw, m.tab_height};
        }
    }
    if (occupied.right) r.right = {width - rw, top, rw, right_open ? column_h : m.tab_height};

    const float x0 = left_open ? lw : 0, x1 = right_open ? width - rw : width;
    // Folded tab rows along the top above the drawer's span: the drawer stays below them.
    float ceiling = top;
    for (const Rect& folded : {left_open ? Rect{} : r.left, left_open ? Rect{} : r.left_lower, right_open ? Rect{} : r.right})
        if (!folded.empty() && folded.x < x1 && folded.right() > x0) ceiling = std::max(ceiling, folded.bottom());
    if (occupied.bottom) {
        const float h = std::min(s.bottom_open ? std::max(s.bottom_height, m.tab_height) : m.tab_height, floor - ceiling);
        r.bottom = {x0, floor - h, x1 - x0, h};
    }
    // The map's clear part: between the open regions, below any folded tab row over it.
    const float map_top = ceiling;
    const float map_bottom = occupied.bottom ? r.bottom.y : floor;
    r.map = {x0, map_top, x1 - x0, map_bottom - map_top};
    return r;
}

double map_share(const LayoutRects& r, float width, float height, const LayoutMetrics& m)
{
    const double total = static_cast<double>(width) * height;
    if (total <= 0) return 0;
    double covered = static_cast<double>(width) * (m.menu_height + m.status_height);
    for (const Rect& region : {r.left, r.left_lower, r.right, r.bottom}) covered += region.area();
    return std::max(0.0, 1.0 - covered / total);
}

}  // namespace gui
