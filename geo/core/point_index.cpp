#include "geo/core/point_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace geo {

namespace {
constexpr size_t kLeaf = 8;
}

PointIndex::PointIndex(std::span<const Coord> points)
    : m_points(points.begin(), points.end()), m_ids(points.size()), m_original(points.begin(), points.end())
{
    std::iota(m_ids.begin(), m_ids.end(), 0u);
    build(0, m_points.size(), 0);
}

// The median of [lo, hi) along x (even depth) or y (odd) goes to the middle; the halves recurse.
void PointIndex::build(size_t lo, size_t hi, int depth)
{
    if (hi - lo <= kLeaf) return;
    const size_t mid = lo + (hi - lo) / 2;
    std::vector<uint32_t> order(hi - lo);
    std::iota(order.begin(), order.end(), 0u);
    const bool x = depth % 2 == 0;
    std::nth_element(order.begin(), order.begin() + static_cast<long>(mid - lo), order.end(), [&](uint32_t a, uint32_t b) {
        const Coord& pa = m_points[lo + a];
        const Coord& pb = m_points[lo + b];
        const double va = x ? pa.x : pa.y, vb = x ? pb.x : pb.y;
        return va != vb ? va < vb : m_ids[lo + a] < m_ids[lo + b];
    });
    std::vector<Coord> pts(hi - lo);
    std::vector<uint32_t> ids(hi - lo);
    for (size_t i = 0; i < order.size(); ++i) {
        pts[i] = m_points[lo + order[i]];
        ids[i] = m_ids[lo + order[i]];
    }
    std::copy(pts.begin(), pts.end(), m_points.begin() + static_cast<long>(lo));
    std::copy(ids.begin(), ids.end(), m_ids.begin() + static_cast<long>(lo));
    build(lo, mid, depth + 1);
    build(mid + 1, hi, depth + 1);
}

void PointIndex::search(size_t lo, size_t hi, int depth, Coord at, Hit& best) const
{
    if (lo >= hi) return;
    // Distances are compared squared here; nearest() takes the root once at the end.
    if (hi - lo <= kLeaf) {
        for (size_t i = lo; i < hi; ++i) {
            const double dx = m_points[i].x - at.x, dy = m_points[i].y - at.y, d = dx * dx + dy * dy;
            if (d < best.distance || (d == best.distance && m_ids[i] < best.index)) best = {m_ids[i], d};
        }
        return;
    }
    const size_t mid = lo + (hi - lo) / 2;
    const Coord& p = m_points[mid];
    const double px = p.x - at.x, py = p.y - at.y, d = px * px + py * py;
    if (d < best.distance || (d == best.distance && m_ids[mid] < best.index)) best = {m_ids[mid], d};
    const double diff = depth % 2 == 0 ? at.x - p.x : at.y - p.y;
    const bool left_first = diff < 0;
    if (left_first) search(lo, mid, depth + 1, at, best);
    else search(mid + 1, hi, depth + 1, at, best);
    if (diff * diff <= best.distance) {  // the other side may still hold something as near
        if (left_first) search(mid + 1, hi, depth + 1, at, best);
        else search(lo, mid, depth + 1, at, best);
    }
}

std::optional<PointIndex::Hit> PointIndex::nearest(Coord at, std::optional<uint32_t> hint) const
{
    if (m_points.empty()) return std::nullopt;
    Hit best{std::numeric_limits<uint32_t>::max(), std::numeric_limits<double>::infinity()};
    if (hint && *hint < m_original.size()) {  // a close first guess prunes most of the tree
        const double dx = m_original[*hint].x - at.x, dy = m_original[*hint].y - at.y;
        best = {*hint, dx * dx + dy * dy};
    }
    search(0, m_points.size(), 0, at, best);
    best.distance = std::sqrt(best.distance);
    return best;
}

}  // namespace geo
