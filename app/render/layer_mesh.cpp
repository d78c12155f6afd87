#include "render/layer_mesh.h"

#include "geo/core/triangulate.h"

namespace render {

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
    return m;
}

}  // namespace render
