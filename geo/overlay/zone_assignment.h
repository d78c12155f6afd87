#pragma once
// Which zone (park, district, ...) each point lies in: an R-tree over the zones' envelopes
// finds candidates, a prepared PolygonLocator per zone decides.
#include <cstdint>
#include <vector>

#include "geo/core/geometry.h"
#include "geo/core/progress.h"

namespace geo {

struct ZoneAssignment {
    std::vector<int32_t> zone_of;      // per point: zone index, or -1 outside every zone
    std::vector<int64_t> count;        // per zone: points assigned to it
    int64_t outside = 0;               // points in no zone
    int64_t in_several = 0;            // points inside more than one zone (overlapping zones)
};

// Assigns each point feature (its first point, for multipoints) to the lowest-index zone that
// contains it; `points` and `zones` must be in the same CRS. Work is split over `threads`
// (0: the hardware's count). Deterministic whatever the thread count.
ZoneAssignment assign_to_zones(const GeometryColumn& points, const GeometryColumn& zones,
                               const Progress& progress = {}, unsigned threads = 0);

}  // namespace geo
