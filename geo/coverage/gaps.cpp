#include "geo/coverage/gaps.h"

#include <map>

#include <algorithm>
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
    // Uncovered enterprises sorted into cells of radius/4; the candidates are the centres of
    // the cells that hold any. Seen from a cell centre, a cell at a given offset lies wholly
    // inside the disc, wholly outside, or across its edge, the same for every candidate: the
    // inside ones add their totals, only the edge ones test their points.
    const double fine = radius / 4;
    const double r2 = radius * radius;
    struct Cell {
        uint32_t begin = 0, end = 0;
        double weight = 0;
    };
    std::unordered_map<uint64_t, Cell> cells;
    std::vector<uint64_t> cell_of;
    std::vector<uint32_t> members;
    for (uint32_t i = 0; i < pts.size(); ++i) {
        if (!uncovered[i]) continue;
        const uint64_t k = key(static_cast<long>(std::floor(pts[i].x / fine)), static_cast<long>(std::floor(pts[i].y / fine)));
        cell_of.push_back(k);
        members.push_back(i);
        cells[k].end += 1;  // a count for now
    }
    if (members.empty()) return best;
    std::vector<uint64_t> order;  // candidate cells, in a fixed order (ties go to the lower key)
    order.reserve(cells.size());
    uint32_t start = 0;
    for (auto& [k, c] : cells) order.push_back(k);
    std::sort(order.begin(), order.end());
    for (uint64_t k : order) {
        Cell& c = cells[k];
        c.begin = start;
        start += c.end;
        c.end = c.begin;
    }
    std::vector<Coord> xy(members.size());
    std::vector<double> w(members.size());
    for (size_t m = 0; m < members.size(); ++m) {
        Cell& c = cells[cell_of[m]];
        xy[c.end] = pts[members[m]];
        w[c.end] = emp.empty() ? 1.0 : emp[members[m]];
        c.weight += w[c.end];
        ++c.end;
    }
    struct Offset {
        long dx, dy;
        bool inside;
    };
    std::vector<Offset> offsets;  // cells that reach into the disc around a cell centre
    for (long dy = -5; dy <= 5; ++dy)
        for (long dx = -5; dx <= 5; ++dx) {
            // Nearest and farthest points of the cell (dx, dy) from the centre (0.5, 0.5), in cells.
            auto span = [](long d) {
                const double lo = static_cast<double>(d) - 0.5, hi = lo + 1;
                const double near = lo > 0 ? lo : (hi < 0 ? -hi : 0.0);
                return std::pair{near, std::max(std::abs(lo), std::abs(hi))};
            };
            const auto [nx, fx] = span(dx);
            const auto [ny, fy] = span(dy);
            if ((nx * nx + ny * ny) * fine * fine > r2) continue;
            offsets.push_back({dx, dy, (fx * fx + fy * fy) * fine * fine <= r2});
        }
    double best_score = -1;
    for (uint64_t k : order) {
        const long cx = static_cast<long>(static_cast<int32_t>(k >> 32)), cy = static_cast<long>(static_cast<int32_t>(k & 0xffffffffu));
        const Coord c{(static_cast<double>(cx) + 0.5) * fine, (static_cast<double>(cy) + 0.5) * fine};
        SiteSuggestion s{c, 0, 0};
        for (const Offset& o : offsets) {
            const auto it = cells.find(key(cx + o.dx, cy + o.dy));
            if (it == cells.end()) continue;
            const Cell& cell = it->second;
            if (o.inside) {
                s.enterprises += cell.end - cell.begin;
                s.employees += cell.weight;
                continue;
            }
            for (uint32_t m = cell.begin; m < cell.end; ++m) {
                const double dx = xy[m].x - c.x, dy = xy[m].y - c.y;
                if (dx * dx + dy * dy <= r2) {
                    ++s.enterprises;
                    s.employees += w[m];
                }
            }
        }
        const double score = emp.empty() ? static_cast<double>(s.enterprises) : s.employees;
        if (score > best_score) {
            best = s;
            best_score = score;
        }
    }
    return best;
}

namespace {

// Groups of points linked through chains of cells of size `reach`: two points in cells that
// touch are in one group, so points of different groups are more than `reach` apart (in x or
// y). Groups and their members come in a fixed order (by first point).
std::vector<std::vector<size_t>> groups_within(const std::vector<Coord>& pts, double reach)
{
    std::map<std::pair<int64_t, int64_t>, size_t> cell_index;
    std::vector<std::pair<int64_t, int64_t>> cells;
    std::vector<size_t> cell_of(pts.size());
    for (size_t i = 0; i < pts.size(); ++i) {
        const std::pair<int64_t, int64_t> key{static_cast<int64_t>(std::floor(pts[i].x / reach)),
                                              static_cast<int64_t>(std::floor(pts[i].y / reach))};
        auto [it, added] = cell_index.try_emplace(key, cells.size());
        if (added) cells.push_back(key);
        cell_of[i] = it->second;
    }
    std::vector<size_t> parent(cells.size());
    for (size_t c = 0; c < cells.size(); ++c) parent[c] = c;
    auto find = [&](size_t c) {
        while (parent[c] != c) c = parent[c] = parent[parent[c]];
        return c;
    };
    for (size_t c = 0; c < cells.size(); ++c)
        for (int64_t dx = -1; dx <= 1; ++dx)
            for (int64_t dy = -1; dy <= 1; ++dy)
                if (auto it = cell_index.find({cells[c].first + dx, cells[c].second + dy}); it != cell_index.end()) {
                    const size_t a = find(c), b = find(it->second);
                    if (a != b) parent[std::max(a, b)] = std::min(a, b);
                }
    std::map<size_t, size_t> group_of_root;
    std::vector<std::vector<size_t>> groups;
    for (size_t i = 0; i < pts.size(); ++i) {
        auto [it, added] = group_of_root.try_emplace(find(cell_of[i]), groups.size());
        if (added) groups.emplace_back();
        groups[it->second].push_back(i);
    }
    return groups;
}

}  // namespace

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
    KdeOptions o;
    o.radius_m = radius;
    o.cell_m = std::max(10.0, radius / 10);
    // A drawn hint: the binned estimate (within about 0.5% of the peak at cells a tenth of the
    // radius, see kde.h) is as good to the eye and several times faster than the exact one.
    o.method = KdeMethod::Binned;
    // The surface only where the demand is: one small grid per group of uncovered
    // enterprises, rather than one over the whole extent (280 x 170 km on the demo, 700 MB).
    // Groups are at least twice the kernel's radius apart, so no kernel reaches across.
    std::vector<std::vector<size_t>> groups = groups_within(sel, 2 * radius);
    std::vector<KdeResult> surfaces;
    float peak = 0;
    for (const std::vector<size_t>& group : groups) {
        std::vector<Coord> gp;
        std::vector<double> gw;
        Envelope box;
        for (size_t i : group) {
            gp.push_back(sel[i]);
            gw.push_back(w[i]);
            box.expand(sel[i].x, sel[i].y);
        }
        surfaces.push_back(kernel_density(gp, gw, o, box, true));
        for (float v : surfaces.back().raster.values) peak = std::max(peak, v);
    }
    if (!(peak > 0)) return out;
    for (size_t g = 0; g < groups.size(); ++g) {
        Layer polys = density_footprints(surfaces[g].raster, static_cast<double>(peak) * share);
        for (size_t p = 0; p < polys.size(); ++p) {
            const PolygonLocator loc(polys.geometry, p);
            int64_t n = 0;
            double e = 0;
            for (size_t i : groups[g])  // no other group's enterprise can lie inside
                if (loc.envelope().contains(sel[i].x, sel[i].y) && loc.contains(sel[i].x, sel[i].y)) {
                    ++n;
                    e += w[i];
                }
            out.geometry.append_feature(polys.geometry, p);
            out.fids.push_back(static_cast<int64_t>(out.fids.size()));
            out.columns[0].push_integer(n);
            out.columns[1].push_real(emp.empty() ? static_cast<double>(n) : e);
        }
    }
    return out;
}

}  // namespace geo
