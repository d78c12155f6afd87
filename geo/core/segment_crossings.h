#pragma once
// Counting where a polygon's edges cross one another, as a measure of how much work GEOS
// MakeValid will have to do on it. Bounded: it stops as soon as either cap is reached, so the
// count itself never becomes the hang it is meant to prevent. Deterministic: the same feature
// gives the same count on every machine.
#include <cstddef>

#include "geo/core/geometry.h"

namespace geo {

struct CrossingCount {
    size_t crossings = 0;    // pairs of non-adjacent edges (any rings of the feature) that touch
    size_t tests = 0;        // edge pairs visited by the sweep (overlapping in x)
    bool capped = false;     // stopped at max_crossings or max_tests: the true count is larger
};

// Edges of all rings of polygon feature `feature`, swept in x order.
CrossingCount count_segment_crossings(const GeometryColumn& polygons, size_t feature, size_t max_crossings,
                                      size_t max_tests);

}  // namespace geo
