#include "geo/coverage/road_network.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <queue>

#include <geos_c.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"

namespace geo {

namespace {

// Distance from p to segment a-b and the position of the closest point (metres from a).
std::pair<double, double> project(Coord p, Coord a, Coord b)
{
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const double cx = a.x + t * dx, cy = a.y + t * dy;
    return {std::hypot(p.x - cx, p.y - cy), t * std::sqrt(len2)};
}

}  // namespace

RoadNetwork::RoadNetwork(const GeometryColumn& roads)
{
    if (roads.kind() != GeomKind::Line)
        throw Error("a road network needs a line layer, not " + std::string(to_string(roads.kind())) + "s");
    if (roads.size() == 0) throw Error("the roads layer is empty: no network to measure along");
    // Node all lines together, so that crossings without a shared vertex become junctions.
    GeosContext ctx;
    GEOSContextHandle_t h = ctx.handle();
    std::vector<GEOSGeometry*> lines;
    for (size_t f = 0; f < roads.size(); ++f) {
        GeosGeom g = to_geos(ctx, roads, f);
        if (g) lines.push_back(g.release());
    }
    GeosGeom all(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, lines.data(), static_cast<unsigned>(lines.size())), GeosGeomDeleter{h});
    GeosGeom noded(GEOSNode_r(h, all.get()), GeosGeomDeleter{h});
    if (!noded) throw Error("the roads could not be noded: " + ctx.last_error());
    std::map<std::pair<double, double>, uint32_t> node_of;
    auto node = [&](double x, double y) {
        auto [it, added] = node_of.try_emplace({x, y}, static_cast<uint32_t>(m_nodes.size()));
        if (added) m_nodes.push_back({x, y});
        return it->second;
    };
    for (int i = 0; i < GEOSGetNumGeometries_r(h, noded.get()); ++i) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetGeometryN_r(h, noded.get(), i));
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        for (unsigned k = 0; k + 1 < n; ++k) {
            double x0, y0, x1, y1;
            GEOSCoordSeq_getXY_r(h, seq, k, &x0, &y0);
            GEOSCoordSeq_getXY_r(h, seq, k + 1, &x1, &y1);
            const double len = std::hypot(x1 - x0, y1 - y0);
            if (len <= 0) continue;
            m_segments.push_back({node(x0, y0), node(x1, y1), len});
        }
    }
    if (m_segments.empty()) throw Error("the roads layer has no segment of any length");
    // Adjacency, components and the segment index.
    m_offsets.assign(m_nodes.size() + 1, 0);
    for (const Segment& s : m_segments) {
        ++m_offsets[s.a + 1];
        ++m_offsets[s.b + 1];
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) m_offsets[i + 1] += m_offsets[i];
    m_adjacent.resize(m_offsets.back());
    std::vector<uint32_t> fill(m_offsets.begin(), m_offsets.end() - 1);
    for (uint32_t s = 0; s < m_segments.size(); ++s) {
        m_adjacent[fill[m_segments[s].a]++] = s;
        m_adjacent[fill[m_segments[s].b]++] = s;
    }
    m_component.assign(m_nodes.size(), -1);
    for (uint32_t start = 0; start < m_nodes.size(); ++start) {
        if (m_component[start] >= 0) continue;
        std::vector<uint32_t> stack{start};
        m_component[start] = static_cast<int32_t>(m_components);
        while (!stack.empty()) {
            const uint32_t v = stack.back();
            stack.pop_back();
            for (uint32_t k = m_offsets[v]; k < m_offsets[v + 1]; ++k) {
                const Segment& s = m_segments[m_adjacent[k]];
                const uint32_t w = s.a == v ? s.b : s.a;
                if (m_component[w] < 0) {
                    m_component[w] = static_cast<int32_t>(m_components);
                    stack.push_back(w);
                }
            }
        }
        ++m_components;
    }
    std::vector<Envelope> boxes;
    for (const Segment& s : m_segments) {
        Envelope e;
        e.expand(m_nodes[s.a].x, m_nodes[s.a].y);
        e.expand(m_nodes[s.b].x, m_nodes[s.b].y);
        boxes.push_back(e);
    }
    m_index = RTree(boxes);
}

std::optional<RoadNetwork::Attachment> RoadNetwork::attach(Coord p, double max_distance) const
{
    std::vector<uint32_t> candidates;
    for (double r = std::min(100.0, max_distance);; r = std::min(r * 4, max_distance)) {
        candidates.clear();
        m_index.query({p.x - r, p.y - r, p.x + r, p.y + r}, candidates);
        std::optional<Attachment> best;
        for (uint32_t s : candidates) {
            const auto [d, along] = project(p, m_nodes[m_segments[s].a], m_nodes[m_segments[s].b]);
            if (d <= r && (!best || d < best->distance || (d == best->distance && s < best->segment))) best = Attachment{s, along, d};
        }
        // Within r every segment nearer than r was a candidate, so the best is final.
        if (best) return best;
        if (r >= max_distance) return std::nullopt;
    }
}

std::vector<double> RoadNetwork::distances_from(std::span<const Attachment> sources, double cutoff) const
{
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> dist(m_nodes.size(), inf);
    using Item = std::pair<double, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    auto relax = [&](uint32_t v, double d) {
        if (d < dist[v] && d <= cutoff) {
            dist[v] = d;
            heap.push({d, v});
        }
    };
    for (const Attachment& a : sources) {
        const Segment& s = m_segments[a.segment];
        relax(s.a, a.distance + a.along);
        relax(s.b, a.distance + (s.length - a.along));
    }
    while (!heap.empty()) {
        const auto [d, v] = heap.top();
        heap.pop();
        if (d > dist[v]) continue;
        for (uint32_t k = m_offsets[v]; k < m_offsets[v + 1]; ++k) {
            const Segment& s = m_segments[m_adjacent[k]];
            relax(s.a == v ? s.b : s.a, d + s.length);
        }
    }
    return dist;
}

double RoadNetwork::distance_to(const Attachment& a, const std::vector<double>& node_distance, std::span<const Attachment> sources) const
{
    const Segment& s = m_segments[a.segment];
    double best = std::min(node_distance[s.a] + a.along, node_distance[s.b] + (s.length - a.along));
    for (const Attachment& src : sources)  // along the same segment, without passing a node
        if (src.segment == a.segment) best = std::min(best, src.distance + std::abs(src.along - a.along));
    return best + a.distance;
}

double RoadNetwork::distance_to(const Attachment& a, const std::vector<double>& node_distance, std::span<const Attachment> sources,
                                const std::vector<uint8_t>& source_on_segment) const
{
    if (source_on_segment[a.segment]) return distance_to(a, node_distance, sources);
    const Segment& s = m_segments[a.segment];
    return std::min(node_distance[s.a] + a.along, node_distance[s.b] + (s.length - a.along)) + a.distance;
}

std::vector<uint8_t> RoadNetwork::sources_on_segments(std::span<const Attachment> sources) const
{
    std::vector<uint8_t> on(m_segments.size(), 0);
    for (const Attachment& s : sources) on[s.segment] = 1;
    return on;
}

double RoadNetwork::total_length() const
{
    double sum = 0;
    for (const Segment& s : m_segments) sum += s.length;
    return sum;
}

std::vector<uint32_t> RoadNetwork::reached_segments(const std::vector<double>& node_distance, double cutoff) const
{
    std::vector<uint32_t> out;
    for (uint32_t s = 0; s < m_segments.size(); ++s)
        if (node_distance[m_segments[s].a] <= cutoff && node_distance[m_segments[s].b] <= cutoff) out.push_back(s);
    return out;
}

std::vector<std::pair<Coord, Coord>> RoadNetwork::reached_pieces(const std::vector<double>& node_distance,
                                                                  std::span<const Attachment> sources, double cutoff) const
{
    // Reached intervals of [0, length] on each segment, in metres from its first node.
    std::vector<std::vector<std::pair<double, double>>> spans(m_segments.size());
    for (uint32_t s = 0; s < m_segments.size(); ++s) {
        const Segment& g = m_segments[s];
        if (node_distance[g.a] <= cutoff) spans[s].push_back({0.0, std::min(g.length, cutoff - node_distance[g.a])});
        if (node_distance[g.b] <= cutoff) spans[s].push_back({std::max(0.0, g.length - (cutoff - node_distance[g.b])), g.length});
    }
    for (const Attachment& a : sources) {
        const double left = cutoff - a.distance;
        if (left < 0) continue;
        spans[a.segment].push_back({std::max(0.0, a.along - left), std::min(m_segments[a.segment].length, a.along + left)});
    }
    std::vector<std::pair<Coord, Coord>> out;
    for (uint32_t s = 0; s < m_segments.size(); ++s) {
        auto& v = spans[s];
        if (v.empty()) continue;
        std::sort(v.begin(), v.end());
        const Segment& g = m_segments[s];
        const Coord a = m_nodes[g.a], b = m_nodes[g.b];
        auto at = [&](double t) {
            const double f = g.length > 0 ? t / g.length : 0.0;
            return Coord{a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f};
        };
        std::pair<double, double> cur = v[0];
        for (size_t k = 1; k <= v.size(); ++k) {
            if (k < v.size() && v[k].first <= cur.second) {
                cur.second = std::max(cur.second, v[k].second);
                continue;
            }
            if (cur.second > cur.first) out.push_back({at(cur.first), at(cur.second)});
            if (k < v.size()) cur = v[k];
        }
    }
    return out;
}

}  // namespace geo
