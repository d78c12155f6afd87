#include "render/layer_mesh.h"

#include "geo/core/triangulate.h"

#include <algorithm>
#include <cmath>

namespace render {

namespace {

// Counting sort of the sprites into a grid of about 256 per cell (at most 64 x 64 cells).
void bucket_points(LayerMesh& m)
{
    const size_t n = m.point_feature.size();
    for (size_t i = 0; i < n; ++i) m.grid_box.expand(m.points_xy[2 * i], m.points_xy[2 * i + 1]);
    m.grid = static_cast<int>(std::clamp(std::sqrt(static_cast<double>(n) / 256.0), 1.0, 64.0));
    const double w = std::max(m.grid_box.width(), 1e-9), h = std::max(m.grid_box.height(), 1e-9);
    auto cell_of = [&](size_t i) {
        const int c = std::min(m.grid - 1, static_cast<int>((m.points_xy[2 * i] - m.grid_box.min_x) / w * m.grid));
        const int r = std::min(m.grid - 1, static_cast<int>((m.points_xy[2 * i + 1] - m.grid_box.min_y) / h * m.grid));
        return static_cast<size_t>(r * m.grid + c);
    };
    const size_t cells = static_cast<size_t>(m.grid) * static_cast<size_t>(m.grid);
    m.cell_start.assign(cells + 1, 0);
    std::vector<uint32_t> cell(n);
    for (size_t i = 0; i < n; ++i) ++m.cell_start[(cell[i] = static_cast<uint32_t>(cell_of(i))) + 1];
    for (size_t c = 0; c < cells; ++c) m.cell_start[c + 1] += m.cell_start[c];
    std::vector<uint32_t> next(m.cell_start.begin(), m.cell_start.end() - 1);
    std::vector<float> xy(2 * n);
    std::vector<uint32_t> feature(n);
    for (size_t i = 0; i < n; ++i) {
        const uint32_t at = next[cell[i]]++;
        xy[2 * at] = m.points_xy[2 * i];
        xy[2 * at + 1] = m.points_xy[2 * i + 1];
        feature[at] = m.point_feature[i];
    }
    m.points_xy = std::move(xy);
    m.point_feature = std::move(feature);
}

}  // namespace

LayerMesh build_layer_mesh(const geo::Layer& layer, geo::Coord origin)
{
    LayerMesh m;
    m.origin = origin;
    const geo::GeometryColumn& g = layer.geometry;
    auto fx = [&](double x) { return static_cast<float>(x - origin.x); };
    auto fy = [&](double y) { return static_cast<float>(y - origin.y); };
    std::vector<geo::Coord> tris;
    for (size_t f = 0; f < g.size(); ++f) {
        const uint32_t id = static_cast<uint32_t>(f);
        if (g.kind() == geo::GeomKind::Point) {
            for (size_t p = g.part_begin(f); p < g.part_begin(f) + g.part_count(f); ++p) {
                const geo::Coord c = g.ring(g.ring_begin(p))[0];
                m.points_xy.push_back(fx(c.x));
                m.points_xy.push_back(fy(c.y));
                m.point_feature.push_back(id);
            }
            continue;
        }
        for (size_t p = g.part_begin(f); p < g.part_begin(f) + g.part_count(f); ++p)
            for (size_t r = g.ring_begin(p); r < g.ring_begin(p) + g.ring_count(p); ++r) {
                auto ring = g.ring(r);
                for (size_t i = 0; i + 1 < ring.size(); ++i) {
                    m.segments.insert(m.segments.end(), {fx(ring[i].x), fy(ring[i].y), fx(ring[i + 1].x), fy(ring[i + 1].y)});
                    m.segment_feature.push_back(id);
                }
            }
        if (g.kind() == geo::GeomKind::Polygon) {
            tris.clear();
            geo::triangulate_polygon(g, f, tris);
            for (const geo::Coord& c : tris) {
                m.fill_xy.push_back(fx(c.x));
                m.fill_xy.push_back(fy(c.y));
                m.fill_feature.push_back(id);
            }
            m.label_points.push_back(geo::label_point(g, f));
        }
    }
    if (!m.point_feature.empty()) bucket_points(m);
    return m;
}

}  // namespace render
