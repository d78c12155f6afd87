#include "geo/core/segment_crossings.h"

#include <algorithm>
#include <vector>

namespace geo {

namespace {

struct Edge {
    Coord a, b;
    double min_x, max_x, min_y, max_y;
    size_t ring;    // ring index within the feature
    size_t index;   // position in its ring
    size_t ring_edges;
};

double orient(Coord p, Coord q, Coord r) { return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x); }

bool on_segment(Coord p, Coord q, Coord r)
{
    return std::min(p.x, q.x) <= r.x && r.x <= std::max(p.x, q.x) && std::min(p.y, q.y) <= r.y && r.y <= std::max(p.y, q.y);
}

bool segments_touch(const Edge& e, const Edge& f)
{
    const double d1 = orient(e.a, e.b, f.a), d2 = orient(e.a, e.b, f.b);
    const double d3 = orient(f.a, f.b, e.a), d4 = orient(f.a, f.b, e.b);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
    return (d1 == 0 && on_segment(e.a, e.b, f.a)) || (d2 == 0 && on_segment(e.a, e.b, f.b)) ||
           (d3 == 0 && on_segment(f.a, f.b, e.a)) || (d4 == 0 && on_segment(f.a, f.b, e.b));
}

// Consecutive edges of one ring share a vertex by construction; that is not a crossing.
bool adjacent(const Edge& e, const Edge& f)
{
    if (e.ring != f.ring) return false;
    const size_t lo = std::min(e.index, f.index), hi = std::max(e.index, f.index);
    return hi - lo == 1 || (lo == 0 && hi + 1 == e.ring_edges);
}

}  // namespace

CrossingCount count_segment_crossings(const GeometryColumn& polygons, size_t feature, size_t max_crossings,
                                      size_t max_tests)
{
    std::vector<Edge> edges;
    size_t ring_no = 0;
    const size_t part_end = polygons.part_begin(feature) + polygons.part_count(feature);
    for (size_t part = polygons.part_begin(feature); part < part_end; ++part) {
        for (size_t r = 0; r < polygons.ring_count(part); ++r, ++ring_no) {
            const auto ring = polygons.ring(polygons.ring_begin(part) + r);
            if (ring.size() < 2) continue;
            const size_t n = ring.size() - 1;
            for (size_t i = 0; i < n; ++i) {
                const Coord a = ring[i], b = ring[i + 1];
                edges.push_back({a, b, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y),
                                 ring_no, i, n});
            }
        }
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& l, const Edge& r) {
        return l.min_x < r.min_x || (l.min_x == r.min_x && (l.ring < r.ring || (l.ring == r.ring && l.index < r.index)));
    });
    CrossingCount out;
    std::vector<size_t> active;  // edges whose x range may still overlap the sweep line
    for (size_t i = 0; i < edges.size(); ++i) {
        const Edge& e = edges[i];
        std::erase_if(active, [&](size_t j) { return edges[j].max_x < e.min_x; });
        for (size_t j : active) {
            if (++out.tests > max_tests) {
                out.capped = true;
                return out;
            }
            const Edge& f = edges[j];
            if (f.max_y < e.min_y || f.min_y > e.max_y || adjacent(e, f)) continue;
            if (segments_touch(e, f) && ++out.crossings >= max_crossings) {
                out.capped = true;
                return out;
            }
        }
        active.push_back(i);
    }
    return out;
}

}  // namespace geo
