#include "geo/core/polygon_locator.h"

#include <algorithm>
#include <cmath>

namespace geo {

PolygonLocator::PolygonLocator(const GeometryColumn& g, size_t feature)
{
    const size_t p0 = g.part_begin(feature);
    for (size_t p = p0; p < p0 + g.part_count(feature); ++p) {
        const size_t r0 = g.ring_begin(p);
        for (size_t r = r0; r < r0 + g.ring_count(p); ++r) {
            auto ring = g.ring(r);
            for (size_t i = 0; i + 1 < ring.size(); ++i) {
                const Coord a = ring[i], b = ring[i + 1];
                m_box.expand(a.x, a.y);
                if (a.y == b.y) continue;  // horizontal edges never cross a horizontal ray
                m_edges.push_back({a.x, a.y, b.x, b.y});
            }
        }
    }
    // About 4 edges per band on average, at most 4096 bands.
    m_bands = std::clamp<size_t>(m_edges.size() / 4, 1, 4096);
    const double h = m_box.empty() ? 0 : m_box.height();
    m_band_height = h > 0 ? h / static_cast<double>(m_bands) : 1;
    auto band_of = [&](double y) {
        const double b = std::floor((y - m_box.min_y) / m_band_height);
        return static_cast<size_t>(std::clamp(b, 0.0, static_cast<double>(m_bands - 1)));
    };
    std::vector<uint32_t> counts(m_bands + 1, 0);
    for (const Edge& e : m_edges)
        for (size_t b = band_of(std::min(e.y1, e.y2)); b <= band_of(std::max(e.y1, e.y2)); ++b)
            ++counts[b + 1];
    for (size_t b = 0; b < m_bands; ++b) counts[b + 1] += counts[b];
    m_band_offsets = counts;
    m_band_edges.resize(counts.back());
    for (uint32_t i = 0; i < m_edges.size(); ++i) {
        const Edge& e = m_edges[i];
        for (size_t b = band_of(std::min(e.y1, e.y2)); b <= band_of(std::max(e.y1, e.y2)); ++b)
            m_band_edges[counts[b]++] = i;
    }
}

bool PolygonLocator::contains(double x, double y) const
{
    if (!m_box.contains(x, y)) return false;
    const double bf = std::floor((y - m_box.min_y) / m_band_height);
    const size_t b = static_cast<size_t>(std::clamp(bf, 0.0, static_cast<double>(m_bands - 1)));
    bool inside = false;
    for (uint32_t k = m_band_offsets[b]; k < m_band_offsets[b + 1]; ++k) {
        const Edge& e = m_edges[m_band_edges[k]];
        // Half-open in y: an edge counts when the point's y is in [min y, max y).
        if ((e.y1 > y) != (e.y2 > y)) {
            const double xc = e.x1 + (y - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1);
            if (x < xc) inside = !inside;
        }
    }
    return inside;
}

}  // namespace geo
