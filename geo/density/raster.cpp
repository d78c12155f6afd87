#include "geo/density/raster.h"

#include <cmath>

namespace geo {

GridSpec grid_covering(const Envelope& box, double cell, double margin)
{
    GridSpec g;
    if (box.empty() || !(cell > 0)) return g;
    g.cell = cell;
    const double x0 = std::floor((box.min_x - margin) / cell) * cell;
    const double y0 = std::floor((box.min_y - margin) / cell) * cell;
    const double x1 = std::ceil((box.max_x + margin) / cell) * cell;
    const double y1 = std::ceil((box.max_y + margin) / cell) * cell;
    g.x0 = x0;
    g.y_top = y1;
    g.cols = static_cast<size_t>(std::llround((x1 - x0) / cell));
    g.rows = static_cast<size_t>(std::llround((y1 - y0) / cell));
    if (g.cols == 0) g.cols = 1;
    if (g.rows == 0) g.rows = 1;
    return g;
}

}  // namespace geo
