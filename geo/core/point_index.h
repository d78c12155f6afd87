#pragma once
// A static k-d tree over points for nearest-neighbour queries (facilities, sites). Built once
// in O(n log n), with leaves of up to 8 points scanned directly; a query visits O(log n)
// nodes on ordinary data, fewer with a hint. Queries are const and
// thread-safe. Ties in distance go to the lower point index, so results are deterministic.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "geo/core/envelope.h"

namespace geo {

class PointIndex {
public:
    PointIndex() = default;
    explicit PointIndex(std::span<const Coord> points);

    struct Hit {
        uint32_t index;  // into the points given at construction
        double distance;
    };
    // The nearest point, or nullopt for an empty index. `hint`, when given, is a point index to
    // start from (the answer for a nearby query): it only speeds the search up.
    std::optional<Hit> nearest(Coord at, std::optional<uint32_t> hint = std::nullopt) const;
    size_t size() const { return m_points.size(); }

private:
    void build(size_t lo, size_t hi, int depth);
    void search(size_t lo, size_t hi, int depth, Coord at, Hit& best) const;
    std::vector<Coord> m_points;     // reordered into the tree
    std::vector<uint32_t> m_ids;     // original index of each
    std::vector<Coord> m_original;   // by original index, for hints
};

}  // namespace geo
