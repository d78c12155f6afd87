#include "geo/cluster/dbscan.h"

#include <cmath>
#include <unordered_map>

#include <geos_c.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"

namespace geo {

namespace {

// Points bucketed in a grid of eps cells: a point's neighbours are in the 3x3 buckets around it.
class Buckets {
public:
    Buckets(std::span<const Coord> pts, double eps) : m_pts(pts), m_eps(eps)
    {
        for (uint32_t i = 0; i < pts.size(); ++i) m_cells[key(cell(pts[i].x), cell(pts[i].y))].push_back(i);
    }
    void neighbours(uint32_t i, std::vector<uint32_t>& out) const
    {
        out.clear();
        const long cx = cell(m_pts[i].x), cy = cell(m_pts[i].y);
        const double e2 = m_eps * m_eps;
        for (long dy = -1; dy <= 1; ++dy)
            for (long dx = -1; dx <= 1; ++dx) {
                auto it = m_cells.find(key(cx + dx, cy + dy));
                if (it == m_cells.end()) continue;
                for (uint32_t j : it->second) {
                    const double ddx = m_pts[j].x - m_pts[i].x, ddy = m_pts[j].y - m_pts[i].y;
                    if (ddx * ddx + ddy * ddy <= e2) out.push_back(j);
                }
            }
    }

private:
    long cell(double v) const { return static_cast<long>(std::floor(v / m_eps)); }
    static uint64_t key(long x, long y) { return (static_cast<uint64_t>(static_cast<uint32_t>(x)) << 32) | static_cast<uint32_t>(y); }
    std::span<const Coord> m_pts;
    double m_eps;
    std::unordered_map<uint64_t, std::vector<uint32_t>> m_cells;
};

}  // namespace

DbscanResult dbscan(std::span<const Coord> pts, double eps, size_t min_points)
{
    if (!(eps > 0) || !std::isfinite(eps)) throw Error("DBSCAN needs eps, a positive distance in metres");
    if (min_points < 1) throw Error("DBSCAN needs a minimum number of points of at least 1");
    const Buckets buckets(pts, eps);
    DbscanResult r;
    r.label.assign(pts.size(), -2);  // -2: not visited yet
    std::vector<uint32_t> nb, queue, nb2;
    for (uint32_t i = 0; i < pts.size(); ++i) {
        if (r.label[i] != -2) continue;
        buckets.neighbours(i, nb);
        if (nb.size() < min_points) {
            r.label[i] = -1;  // noise, unless a cluster reaches it later
            continue;
        }
        const int32_t id = static_cast<int32_t>(r.sizes.size());
        r.sizes.push_back(0);
        r.label[i] = id;
        queue.assign(nb.begin(), nb.end());
        for (size_t q = 0; q < queue.size(); ++q) {
            const uint32_t j = queue[q];
            if (r.label[j] == -1) r.label[j] = id;  // border point
            if (r.label[j] != -2) continue;
            r.label[j] = id;
            buckets.neighbours(j, nb2);
            if (nb2.size() >= min_points) queue.insert(queue.end(), nb2.begin(), nb2.end());
        }
    }
    for (int32_t l : r.label) {
        if (l < 0) ++r.noise;
        else ++r.sizes[static_cast<size_t>(l)];
    }
    return r;
}

GeometryColumn cluster_polygons(std::span<const Coord> pts, const DbscanResult& result, double eps)
{
    GeosContext ctx;
    GEOSContextHandle_t h = ctx.handle();
    std::vector<std::vector<GEOSGeometry*>> members(result.sizes.size());
    for (size_t i = 0; i < pts.size(); ++i)
        if (result.label[i] >= 0) members[static_cast<size_t>(result.label[i])].push_back(GEOSGeom_createPointFromXY_r(h, pts[i].x, pts[i].y));
    GeometryColumn out(GeomKind::Polygon);
    for (auto& m : members) {
        GeosGeom multi(GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, m.data(), static_cast<unsigned>(m.size())), GeosGeomDeleter{h});
        GeosGeom hull(GEOSConcaveHull_r(h, multi.get(), 0.3, 0), GeosGeomDeleter{h});
        GeosGeom area(GEOSBuffer_r(h, hull ? hull.get() : multi.get(), eps / 2, 8), GeosGeomDeleter{h});
        if (!area || !append_from_geos(ctx, area.get(), out)) {
            // Never drop a cluster: fall back to the buffered points themselves.
            GeosGeom fallback(GEOSBuffer_r(h, multi.get(), eps / 2, 8), GeosGeomDeleter{h});
            append_from_geos(ctx, fallback.get(), out);
        }
    }
    return out;
}

}  // namespace geo
