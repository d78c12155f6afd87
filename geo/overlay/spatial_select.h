#pragma once
// Selecting features by an area drawn on the map: a rectangle or a polygon (a lasso), as QGIS's
// select tools do. A feature is selected when it intersects the area: a point inside it (or
// on its edge), a line crossing or inside it, a polygon overlapping it.
#include <cstdint>
#include <vector>

#include "geo/core/envelope.h"
#include "geo/core/geometry.h"
#include "geo/overlay/feature_index.h"

namespace geo {

// `ring`: the area's outline (at least 3 points; closed or not). An area with no extent
// (fewer than 3 distinct points) selects nothing. Rows in increasing order.
std::vector<uint32_t> select_in_area(const GeometryColumn& geometry, const FeatureIndex& index, const std::vector<Coord>& ring);
std::vector<uint32_t> select_in_box(const GeometryColumn& geometry, const FeatureIndex& index, const Envelope& box);

}  // namespace geo
