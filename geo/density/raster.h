#pragma once
// A regular grid of float cells in the working CRS, rows from north to south (as GeoTIFF
// stores them), cell centres at (x0 + (col + ½)·cell, y_top − (row + ½)·cell).
#include <cstddef>
#include <vector>

#include "geo/core/envelope.h"

namespace geo {

struct GridSpec {
    double x0 = 0;     // west edge
    double y_top = 0;  // north edge
    double cell = 1;   // metres
    size_t cols = 0, rows = 0;

    size_t cells() const { return cols * rows; }
    Coord centre(size_t col, size_t row) const
    {
        return {x0 + (static_cast<double>(col) + 0.5) * cell, y_top - (static_cast<double>(row) + 0.5) * cell};
    }
    Envelope extent() const
    {
        return {x0, y_top - static_cast<double>(rows) * cell, x0 + static_cast<double>(cols) * cell, y_top};
    }
};

// The grid of `cell` metres covering `box` grown by `margin` on every side, its edges
// snapped outward to multiples of the cell size (so that grids of the same cell size line
// up). Returns an empty grid for an empty box or a cell size that is not positive.
GridSpec grid_covering(const Envelope& box, double cell, double margin);

struct Raster {
    GridSpec grid;
    std::vector<float> values;  // rows * cols, row-major from the north
    float at(size_t col, size_t row) const { return values[row * grid.cols + col]; }
};

}  // namespace geo
