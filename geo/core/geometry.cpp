#include "geo/core/geometry.h"

#include <cmath>
#include <limits>

#include "geo/core/error.h"

namespace geo {

std::string_view to_string(GeomKind kind)
{
    switch (kind) {
    case GeomKind::Point: return "point";
    case GeomKind::Line: return "line";
    case GeomKind::Polygon: return "polygon";
    }
    return "?";
}

GeometryColumn::GeometryColumn(GeomKind kind) : m_kind(kind) {}

size_t GeometryColumn::part_count(size_t feature) const
{
    return m_feature_parts[feature + 1] - m_feature_parts[feature];
}

size_t GeometryColumn::ring_count(size_t part) const
{
    return m_part_rings[part + 1] - m_part_rings[part];
}

std::span<const Coord> GeometryColumn::ring(size_t r) const
{
    return std::span<const Coord>(m_coords).subspan(m_ring_coords[r],
                                                     m_ring_coords[r + 1] - m_ring_coords[r]);
}

Coord GeometryColumn::first_coord(size_t feature) const
{
    return m_coords[m_ring_coords[m_part_rings[m_feature_parts[feature]]]];
}

Envelope GeometryColumn::envelope(size_t feature) const
{
    Envelope e;
    size_t first = m_ring_coords[m_part_rings[m_feature_parts[feature]]];
    size_t last = m_ring_coords[m_part_rings[m_feature_parts[feature + 1]]];
    for (size_t i = first; i < last; ++i) e.expand(m_coords[i].x, m_coords[i].y);
    return e;
}

Envelope GeometryColumn::envelope() const
{
    Envelope e;
    for (const Coord& c : m_coords) e.expand(c.x, c.y);
    return e;
}

void GeometryColumn::begin_feature(bool multi)
{
    m_open = true;
    m_multi.push_back(multi ? 1 : 0);
}

void GeometryColumn::begin_part()
{
    m_part_rings.push_back(m_part_rings.back());
}

void GeometryColumn::add_ring(std::span<const Coord> coords)
{
    if (m_coords.size() + coords.size() > std::numeric_limits<uint32_t>::max())
        throw Error("layer too large: more than 4 billion coordinates");
    m_coords.insert(m_coords.end(), coords.begin(), coords.end());
    m_ring_coords.push_back(static_cast<uint32_t>(m_coords.size()));
    m_part_rings.back() += 1;
}

void GeometryColumn::end_feature()
{
    m_feature_parts.push_back(static_cast<uint32_t>(m_part_rings.size() - 1));
    m_open = false;
}

void GeometryColumn::abandon_feature()
{
    if (!m_open) return;
    // Drop parts and rings added since the feature began.
    size_t first_part = m_feature_parts.back();
    size_t first_ring = m_part_rings[first_part];
    m_coords.resize(m_ring_coords[first_ring]);
    m_ring_coords.resize(first_ring + 1);
    m_part_rings.resize(first_part + 1);
    m_multi.pop_back();
    m_open = false;
}

void GeometryColumn::add_point(Coord c)
{
    m_multi.push_back(0);
    m_coords.push_back(c);
    m_ring_coords.push_back(static_cast<uint32_t>(m_coords.size()));
    m_part_rings.push_back(static_cast<uint32_t>(m_ring_coords.size() - 1));
    m_feature_parts.push_back(static_cast<uint32_t>(m_part_rings.size() - 1));
}

void GeometryColumn::append_feature(const GeometryColumn& g, size_t f, std::optional<bool> multi)
{
    begin_feature(multi.value_or(g.is_multi(f)));
    for (size_t p = g.part_begin(f); p < g.part_begin(f) + g.part_count(f); ++p) {
        begin_part();
        for (size_t r = g.ring_begin(p); r < g.ring_begin(p) + g.ring_count(p); ++r) add_ring(g.ring(r));
    }
    end_feature();
}

void GeometryColumn::reserve(size_t features, size_t coords)
{
    m_feature_parts.reserve(features + 1);
    m_part_rings.reserve(features + 1);
    m_ring_coords.reserve(features + 1);
    m_multi.reserve(features);
    m_coords.reserve(coords);
}

size_t GeometryColumn::memory_bytes() const
{
    return (m_feature_parts.capacity() + m_part_rings.capacity() + m_ring_coords.capacity()) *
               sizeof(uint32_t) +
           m_coords.capacity() * sizeof(Coord) + m_multi.capacity();
}

double signed_ring_area(std::span<const Coord> ring)
{
    if (ring.size() < 3) return 0;
    // Shift to the first vertex to keep precision with large projected coordinates.
    const Coord o = ring[0];
    double sum = 0;
    for (size_t i = 1; i + 1 < ring.size(); ++i) {
        const double x1 = ring[i].x - o.x, y1 = ring[i].y - o.y;
        const double x2 = ring[i + 1].x - o.x, y2 = ring[i + 1].y - o.y;
        sum += x1 * y2 - x2 * y1;
    }
    return sum / 2;
}

double polygon_area(const GeometryColumn& g, size_t feature)
{
    double area = 0;
    const size_t p0 = g.part_begin(feature);
    for (size_t p = p0; p < p0 + g.part_count(feature); ++p) {
        const size_t r0 = g.ring_begin(p);
        for (size_t r = r0; r < r0 + g.ring_count(p); ++r) {
            const double a = std::abs(signed_ring_area(g.ring(r)));
            area += (r == r0) ? a : -a;
        }
    }
    return area;
}

}  // namespace geo
