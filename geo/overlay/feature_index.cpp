#include "geo/overlay/feature_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

double segment_distance(Coord p, Coord a, Coord b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

FeatureIndex::FeatureIndex(const GeometryColumn& g)
{
    std::vector<Envelope> boxes;
    boxes.reserve(g.size());
    for (size_t i = 0; i < g.size(); ++i) boxes.push_back(g.envelope(i));
    m_tree = RTree(boxes);
    if (g.kind() == GeomKind::Polygon)
        for (size_t i = 0; i < g.size(); ++i) m_polygons.emplace_back(g, i);
}

std::optional<size_t> FeatureIndex::pick(const GeometryColumn& g, Coord at, double tolerance) const
{
    std::vector<uint32_t> candidates;
    m_tree.query({at.x - tolerance, at.y - tolerance, at.x + tolerance, at.y + tolerance}, candidates);
    std::optional<size_t> best;
    double best_distance = std::numeric_limits<double>::infinity();
    for (uint32_t f : candidates) {
        if (g.kind() == GeomKind::Polygon) {
            if (m_polygons[f].contains(at.x, at.y) && (!best || f > *best)) best = f;
            continue;
        }
        double d = std::numeric_limits<double>::infinity();
        for (size_t p = g.part_begin(f); p < g.part_begin(f) + g.part_count(f); ++p) {
            auto ring = g.ring(g.ring_begin(p));
            if (g.kind() == GeomKind::Point) d = std::min(d, std::hypot(ring[0].x - at.x, ring[0].y - at.y));
            else
                for (size_t i = 0; i + 1 < ring.size(); ++i) d = std::min(d, segment_distance(at, ring[i], ring[i + 1]));
        }
        // Ties go to the later feature, which is drawn on top.
        if (d <= tolerance && (d < best_distance || (d == best_distance && f > *best))) {
            best = f;
            best_distance = d;
        }
    }
    return best;
}

std::vector<uint32_t> FeatureIndex::in_box(const Envelope& box) const
{
    std::vector<uint32_t> out;
    m_tree.query(box, out);
    return out;
}

}  // namespace geo
