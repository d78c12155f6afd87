#include "geo/cluster/dbscan.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <geos_c.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"

namespace geo {

namespace {

// Points bucketed in cells of side eps/√2; a point's neighbours lie in the 5x5 cells around it.
class Grid {
public:
    Grid(std::span<const Coord> pts, double eps) : m_side(eps / std::sqrt(2.0))
    {
        for (uint32_t i = 0; i < pts.size(); ++i) {
            const uint64_t k = key(cell(pts[i].x), cell(pts[i].y));
            auto [it, added] = m_index.try_emplace(k, m_cells.size());
            if (added) m_cells.push_back({cell(pts[i].x), cell(pts[i].y), {}});
            m_cells[it->second].members.push_back(i);
            m_cell_of.push_back(static_cast<uint32_t>(it->second));
        }
    }
    struct Cell {
        long x, y;
        std::vector<uint32_t> members;  // ascending point indices
    };
    const std::vector<Cell>& cells() const { return m_cells; }
    uint32_t cell_of(uint32_t point) const { return m_cell_of[point]; }
    // Calls f(cell index) for the 5x5 cells around cell c that exist (c itself included).
    template <class F> void around(const Cell& c, F f) const
    {
        for (long dy = -2; dy <= 2; ++dy)
            for (long dx = -2; dx <= 2; ++dx)
                if (auto it = m_index.find(key(c.x + dx, c.y + dy)); it != m_index.end()) f(it->second);
    }

private:
    long cell(double v) const { return static_cast<long>(std::floor(v / m_side)); }
    static uint64_t key(long x, long y) { return (static_cast<uint64_t>(static_cast<uint32_t>(x)) << 32) | static_cast<uint32_t>(y); }
    double m_side;
    std::vector<Cell> m_cells;
    std::vector<uint32_t> m_cell_of;
    std::unordered_map<uint64_t, size_t> m_index;
};

struct UnionFind {
    std::vector<uint32_t> parent;
    explicit UnionFind(size_t n) : parent(n)
    {
        for (uint32_t i = 0; i < n; ++i) parent[i] = i;
    }
    uint32_t find(uint32_t a)
    {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    }
    void join(uint32_t a, uint32_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

}  // namespace

DbscanResult dbscan(std::span<const Coord> pts, double eps, size_t min_points)
{
    if (!(eps > 0) || !std::isfinite(eps)) throw Error("DBSCAN needs eps, a positive distance in metres");
    if (min_points < 1) throw Error("DBSCAN needs a minimum number of points of at least 1");
    const Grid grid(pts, eps);
    const auto& cells = grid.cells();
    const double e2 = eps * eps;
    auto near = [&](uint32_t a, uint32_t b) {
        const double dx = pts[a].x - pts[b].x, dy = pts[a].y - pts[b].y;
        return dx * dx + dy * dy <= e2;
    };

    // Core points: a cell of min_points or more is all core; otherwise count up to min_points.
    std::vector<uint8_t> core(pts.size(), 0);
    for (const auto& c : cells) {
        if (c.members.size() >= min_points) {
            for (uint32_t p : c.members) core[p] = 1;
            continue;
        }
        for (uint32_t p : c.members) {
            size_t n = 0;
            grid.around(c, [&](size_t other) {
                for (uint32_t q : cells[other].members) {
                    if (n >= min_points) return;
                    n += near(p, q);
                }
            });
            core[p] = n >= min_points;
        }
    }
    // Join cells whose core points come within eps of each other.
    UnionFind uf(cells.size());
    std::vector<std::vector<uint32_t>> core_members(cells.size());
    for (size_t c = 0; c < cells.size(); ++c)
        for (uint32_t p : cells[c].members)
            if (core[p]) core_members[c].push_back(p);
    for (size_t c = 0; c < cells.size(); ++c) {
        if (core_members[c].empty()) continue;
        grid.around(cells[c], [&](size_t other) {
            if (other <= c || core_members[other].empty() || uf.find(static_cast<uint32_t>(c)) == uf.find(static_cast<uint32_t>(other))) return;
            for (uint32_t p : core_members[c])
                for (uint32_t q : core_members[other])
                    if (near(p, q)) {
                        uf.join(static_cast<uint32_t>(c), static_cast<uint32_t>(other));
                        return;
                    }
        });
    }
    // Number clusters by their lowest-index core point; then borders and noise.
    DbscanResult r;
    r.label.assign(pts.size(), -1);
    std::unordered_map<uint32_t, int32_t> id_of_root;
    for (uint32_t p = 0; p < pts.size(); ++p) {
        if (!core[p]) continue;
        const uint32_t root = uf.find(grid.cell_of(p));
        auto [it, added] = id_of_root.try_emplace(root, static_cast<int32_t>(id_of_root.size()));
        r.label[p] = it->second;
    }
    r.sizes.assign(id_of_root.size(), 0);
    for (uint32_t p = 0; p < pts.size(); ++p) {
        if (core[p]) continue;
        int32_t best = -1;
        grid.around(cells[grid.cell_of(p)], [&](size_t other) {
            for (uint32_t q : core_members[other])
                if ((best < 0 || r.label[q] < best) && near(p, q)) best = r.label[q];
        });
        r.label[p] = best;
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
    // One representative per cell of eps/4: every member lies within 0.36·eps of one, so the
    // hull of the representatives grown by eps/2 still covers every member, at a fraction of
    // the cost for clusters of many thousands of points.
    const double cell = eps / 4;
    std::vector<std::vector<GEOSGeometry*>> members(result.sizes.size());
    std::vector<std::unordered_map<uint64_t, char>> seen(result.sizes.size());
    for (size_t i = 0; i < pts.size(); ++i) {
        if (result.label[i] < 0) continue;
        const size_t c = static_cast<size_t>(result.label[i]);
        const uint64_t k = (static_cast<uint64_t>(static_cast<uint32_t>(static_cast<long>(std::floor(pts[i].x / cell)))) << 32) |
                           static_cast<uint32_t>(static_cast<long>(std::floor(pts[i].y / cell)));
        if (!seen[c].emplace(k, 0).second) continue;
        members[c].push_back(GEOSGeom_createPointFromXY_r(h, pts[i].x, pts[i].y));
    }
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
