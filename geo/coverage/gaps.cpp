#include "geo/coverage/gaps.h"

#include <cmath>
#include <unordered_map>

#include "geo/core/polygon_locator.h"
#include "geo/density/contours.h"
#include "geo/density/kde.h"

namespace geo {

namespace {

uint64_t key(long x, long y) { return (static_cast<uint64_t>(static_cast<uint32_t>(x)) << 32) | static_cast<uint32_t>(y); }

}  // namespace

SiteSuggestion best_new_location(std::span<const Coord> pts, std::span<const double> emp, const std::vector<uint8_t>& uncovered,
                                 double radius)
{
    SiteSuggestion best;
    if (!(radius > 0)) return best;
    // Uncovered enterprises bucketed by cells of `radius`; candidates on a finer grid.
    std::unordered_map<uint64_t, std::vector<uint32_t>> buckets;
    std::vector<std::pair<long, long>> candidate_cells;
    std::unordered_map<uint64_t, char> seen;
    const double fine = radius / 4;
    for (uint32_t i = 0; i < pts.size(); ++i) {
        if (!uncovered[i]) continue;
        buckets[key(static_cast<long>(std::floor(pts[i].x / radius)), static_cast<long>(std::floor(pts[i].y / radius)))].push_back(i);
        const long cx = static_cast<long>(std::floor(pts[i].x / fine)), cy = static_cast<long>(std::floor(pts[i].y / fine));
        if (seen.emplace(key(cx, cy), 0).second) candidate_cells.push_back({cx, cy});
    }
    for (const auto& [cx, cy] : candidate_cells) {
        const Coord c{(static_cast<double>(cx) + 0.5) * fine, (static_cast<double>(cy) + 0.5) * fine};
        const long bx = static_cast<long>(std::floor(c.x / radius)), by = static_cast<long>(std::floor(c.y / radius));
        SiteSuggestion s{c, 0, 0};
        for (long dy = -1; dy <= 1; ++dy)
            for (long dx = -1; dx <= 1; ++dx) {
                auto it = buckets.find(key(bx + dx, by + dy));
                if (it == buckets.end()) continue;
                for (uint32_t i : it->second)
                    if (std::hypot(pts[i].x - c.x, pts[i].y - c.y) <= radius) {
                        ++s.enterprises;
                        s.employees += emp.empty() ? 1.0 : emp[i];
                    }
            }
        const double score = emp.empty() ? static_cast<double>(s.enterprises) : s.employees;
        const double best_score = emp.empty() ? static_cast<double>(best.enterprises) : best.employees;
        if (score > best_score) best = s;
    }
    return best;
}

Layer gap_areas(std::span<const Coord> pts, std::span<const double> emp, const std::vector<uint8_t>& uncovered, double radius,
                double share)
{
    Layer out;
    out.name = "gap_areas";
    out.geometry = GeometryColumn(GeomKind::Polygon);
    out.columns = {Column("uncovered_enterprises", FieldType::Integer), Column("uncovered_employees", FieldType::Real)};
    std::vector<Coord> sel;
    std::vector<double> w;
    for (size_t i = 0; i < pts.size(); ++i)
        if (uncovered[i]) {
            sel.push_back(pts[i]);
            w.push_back(emp.empty() ? 1.0 : emp[i]);
        }
    if (sel.empty()) return out;
    Envelope box;
    for (const Coord& p : sel) box.expand(p.x, p.y);
    KdeOptions o;
    o.radius_m = radius;
    o.cell_m = std::max(10.0, radius / 10);
    const KdeResult r = kernel_density(sel, w, o, box, true);
    float peak = 0;
    for (float v : r.raster.values) peak = std::max(peak, v);
    if (!(peak > 0)) return out;
    Layer polys = density_footprints(r.raster, static_cast<double>(peak) * share);
    for (size_t p = 0; p < polys.size(); ++p) {
        const PolygonLocator loc(polys.geometry, p);
        int64_t n = 0;
        double e = 0;
        for (size_t i = 0; i < sel.size(); ++i)
            if (loc.contains(sel[i].x, sel[i].y)) {
                ++n;
                e += w[i];
            }
        out.geometry.append_feature(polys.geometry, p);
        out.fids.push_back(static_cast<int64_t>(out.fids.size()));
        out.columns[0].push_integer(n);
        out.columns[1].push_real(emp.empty() ? static_cast<double>(n) : e);
    }
    return out;
}

}  // namespace geo
