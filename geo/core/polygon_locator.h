#pragma once
// Fast point-in-polygon for one polygon feature (any number of parts and holes), prepared
// once: the edges are bucketed into horizontal bands, so a test looks only at the edges that
// cross the point's band, then counts crossings of a ray towards +x (even-odd rule).
//
// Points exactly on an edge are decided by the half-open rule (inside for the lower/left
// edges of a square, outside for the upper/right), so a point on a shared boundary of two
// adjacent polygons falls in exactly one of them.
#include <cstdint>
#include <vector>

#include "geo/core/envelope.h"
#include "geo/core/geometry.h"

namespace geo {

class PolygonLocator {
public:
    PolygonLocator(const GeometryColumn& polygons, size_t feature);

    bool contains(double x, double y) const;
    const Envelope& envelope() const { return m_box; }

private:
    struct Edge {
        double x1, y1, x2, y2;
    };
    std::vector<Edge> m_edges;
    std::vector<uint32_t> m_band_offsets;  // CSR: edges of band b are m_band_edges[off[b]..off[b+1])
    std::vector<uint32_t> m_band_edges;
    Envelope m_box;
    double m_band_height = 1;
    size_t m_bands = 1;
};

}  // namespace geo
