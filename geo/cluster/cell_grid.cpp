#include "geo/cluster/cell_grid.h"

#include <cmath>

#include "geo/core/error.h"

namespace geo {

namespace {

constexpr double kSqrt3 = 1.7320508075688772;

}  // namespace

int64_t CellGrid::cell_of(Coord p) const
{
    long col = 0, row = 0;
    if (shape == CellShape::Square) {
        col = static_cast<long>(std::floor((p.x - origin.x) / cell_m + 0.5));
        row = static_cast<long>(std::floor((p.y - origin.y) / cell_m + 0.5));
    } else {
        // Fractional axial coordinates, cube rounding, then odd-r offset coordinates.
        const double radius = cell_m / kSqrt3;
        const double px = p.x - origin.x, py = p.y - origin.y;
        const double q = (kSqrt3 / 3 * px - py / 3) / radius, r = (2.0 / 3 * py) / radius;
        double x = q, z = r, y = -x - z;
        double rx = std::round(x), ry = std::round(y), rz = std::round(z);
        const double dx = std::abs(rx - x), dy = std::abs(ry - y), dz = std::abs(rz - z);
        if (dx > dy && dx > dz) rx = -ry - rz;
        else if (dy > dz) ry = -rx - rz;
        else rz = -rx - ry;
        row = static_cast<long>(rz);
        col = static_cast<long>(rx) + (row - (row & 1)) / 2;
    }
    if (col < 0 || row < 0 || col >= static_cast<long>(cols) || row >= static_cast<long>(rows)) return -1;
    return row * static_cast<long>(cols) + col;
}

std::vector<uint32_t> CellGrid::neighbours(size_t i) const
{
    const long col = static_cast<long>(i % cols), row = static_cast<long>(i / cols);
    std::vector<std::pair<long, long>> offsets;
    if (shape == CellShape::Square) {
        offsets = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0}, {1, 0}, {-1, 1}, {0, 1}, {1, 1}};
    } else if (row & 1) {  // odd rows are shifted half a cell east
        offsets = {{1, 0}, {-1, 0}, {0, -1}, {1, -1}, {0, 1}, {1, 1}};
    } else {
        offsets = {{1, 0}, {-1, 0}, {-1, -1}, {0, -1}, {-1, 1}, {0, 1}};
    }
    std::vector<uint32_t> out;
    for (auto [dc, dr] : offsets) {
        const long c = col + dc, r = row + dr;
        if (c >= 0 && r >= 0 && c < static_cast<long>(cols) && r < static_cast<long>(rows))
            out.push_back(static_cast<uint32_t>(r * static_cast<long>(cols) + c));
    }
    return out;
}

CellGrid make_grid(const Envelope& extent, CellShape shape, double cell_m, size_t max_cells)
{
    if (!(cell_m > 0) || !std::isfinite(cell_m)) throw Error("the cell size must be a positive number of metres");
    if (extent.empty()) throw Error("no extent to lay cells over");
    CellGrid g;
    g.shape = shape;
    g.cell_m = cell_m;
    const double row_step = shape == CellShape::Square ? cell_m : 1.5 * cell_m / kSqrt3;
    g.origin = {extent.min_x, extent.min_y};
    g.cols = static_cast<size_t>(std::ceil(extent.width() / cell_m)) + 1;
    g.rows = static_cast<size_t>(std::ceil(extent.height() / row_step)) + 1;
    if (g.cols * g.rows > max_cells)
        throw Error("a grid of " + std::to_string(g.cols * g.rows) + " cells is larger than allowed (" +
                    std::to_string(max_cells) + "); use a larger cell size");
    const double radius = cell_m / kSqrt3;
    for (size_t r = 0; r < g.rows; ++r)
        for (size_t c = 0; c < g.cols; ++c) {
            const double shift = shape == CellShape::Hexagon && (r & 1) ? 0.5 * cell_m : 0.0;
            const Coord centre{g.origin.x + static_cast<double>(c) * cell_m + shift, g.origin.y + static_cast<double>(r) * row_step};
            g.centres.push_back(centre);
            std::vector<Coord> ring;
            if (shape == CellShape::Square) {
                const double h = cell_m / 2;
                ring = {{centre.x - h, centre.y - h}, {centre.x + h, centre.y - h}, {centre.x + h, centre.y + h},
                        {centre.x - h, centre.y + h}, {centre.x - h, centre.y - h}};
            } else {
                for (int k = 0; k < 6; ++k) {
                    const double a = (60.0 * k - 30.0) * 3.14159265358979323846 / 180.0;  // pointy top
                    ring.push_back({centre.x + radius * std::cos(a), centre.y + radius * std::sin(a)});
                }
                ring.push_back(ring.front());
            }
            g.polygons.begin_feature(false);
            g.polygons.begin_part();
            g.polygons.add_ring(ring);
            g.polygons.end_feature();
        }
    g.count.assign(g.size(), 0);
    g.sum.assign(g.size(), 0.0);
    return g;
}

CellGrid aggregate_points(std::span<const Coord> points, std::span<const double> weights, const Envelope& extent,
                          CellShape shape, double cell_m, size_t max_cells)
{
    CellGrid g = make_grid(extent, shape, cell_m, max_cells);
    for (size_t i = 0; i < points.size(); ++i) {
        const int64_t cell = g.cell_of(points[i]);
        if (cell < 0) continue;
        ++g.count[static_cast<size_t>(cell)];
        g.sum[static_cast<size_t>(cell)] += weights.empty() ? 1.0 : weights[i];
    }
    return g;
}

}  // namespace geo
