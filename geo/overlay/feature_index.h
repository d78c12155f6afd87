#pragma once
// Finding the feature under a map position: the polygon containing it (the last one drawn,
// i.e. the highest index, when several do), or the point or line nearest to it within a
// tolerance. Built once per layer (off the UI thread), queried on every hover.
#include <optional>
#include <vector>

#include "geo/core/geometry.h"
#include "geo/core/polygon_locator.h"
#include "geo/core/rtree.h"

namespace geo {

class FeatureIndex {
public:
    FeatureIndex() = default;
    explicit FeatureIndex(const GeometryColumn& geometry);

    // `tolerance` in the column's units (e.g. metres for 5 pixels at the current zoom).
    std::optional<size_t> pick(const GeometryColumn& geometry, Coord at, double tolerance) const;
    // Features whose envelope intersects `box`.
    std::vector<uint32_t> in_box(const Envelope& box) const;

private:
    RTree m_tree;
    std::vector<PolygonLocator> m_polygons;
};

// Distance from `p` to the segment a-b.
double segment_distance(Coord p, Coord a, Coord b);

}  // namespace geo
