#pragma once
// Triangles that exactly cover polygon features (holes and multi-parts respected), for
// drawing fills on a GPU, and a point guaranteed inside each polygon, for labels. Uses GEOS's
// constrained Delaunay triangulation.
#include <vector>

#include "geo/core/geometry.h"

namespace geo {

// Appends the triangles of polygon `feature` to `out`, three coordinates per triangle.
// Returns the number of triangles (0 when GEOS cannot triangulate it).
size_t triangulate_polygon(const GeometryColumn& polygons, size_t feature, std::vector<Coord>& out);

// A point inside polygon `feature` (GEOS PointOnSurface); its envelope centre if that fails.
Coord label_point(const GeometryColumn& polygons, size_t feature);

}  // namespace geo
