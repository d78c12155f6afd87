#pragma once
// Hexagon or square cells over an extent, with the points counted and their weights summed
// per cell, as a polygon layer's geometry. Every cell of the extent is kept (empty ones
// too); `in_study` marks the cells of the study area that hot-spot statistics use (all of
// them when it is empty), so that empty country outside the parks does not inflate z.
//
// Hexagons are pointy-topped, in rows offset by half a cell ("odd-r"); cell_m is the distance
// between neighbouring centres (the hexagon's width), so a hexagon covers √3/2 · cell_m².
#include <span>
#include <vector>

#include "geo/core/geometry.h"

namespace geo {

enum class CellShape { Hexagon, Square };

struct CellGrid {
    CellShape shape = CellShape::Hexagon;
    double cell_m = 0;
    size_t cols = 0, rows = 0;
    Coord origin;                 // centre of cell (0, 0), at the south-west
    GeometryColumn polygons{GeomKind::Polygon};
    std::vector<Coord> centres;
    std::vector<int64_t> count;
    std::vector<double> sum;
    std::vector<uint8_t> in_study;  // per cell; empty: every cell is in the study area

    bool studied(size_t i) const { return in_study.empty() || in_study[i] != 0; }

    size_t size() const { return centres.size(); }
    // The cell holding (x, y), or -1 outside the grid.
    int64_t cell_of(Coord p) const;
    // The cells touching cell i (6 for hexagons, 8 for squares, fewer at the edge), not i itself.
    std::vector<uint32_t> neighbours(size_t i) const;
};

// The cells over `extent` (anchored at its south-west corner), with their polygons and
// centres, counts and sums zero. Throws geo::Error for a cell size that is not positive or a
// grid of more than max_cells.
CellGrid make_grid(const Envelope& extent, CellShape shape, double cell_m, size_t max_cells = 5'000'000);

// make_grid, then each point counted in its cell (with its weight summed). Throws as make_grid.
CellGrid aggregate_points(std::span<const Coord> points, std::span<const double> weights, const Envelope& extent,
                          CellShape shape, double cell_m, size_t max_cells = 5'000'000);

}  // namespace geo
