#pragma once
// DBSCAN on points in metres: a point with at least min_points points (itself included)
// within eps is a core point; clusters are the core points reachable from one another and
// the border points they reach; the rest is noise.
//
// Exact, grid-based: cells of side eps/√2 hold points that are all within eps of each other,
// so a cell with min_points or more is all core at once, and clusters are joined cell by cell
// (union-find) instead of point by point; dense industrial parks cost little. Deterministic:
// clusters are numbered in the order of their lowest-index core point, and a border point
// joins the lowest-numbered cluster with a core point within eps.
#include <span>
#include <vector>

#include "geo/core/geometry.h"

namespace geo {

struct DbscanResult {
    std::vector<int32_t> label;   // per point: cluster 0, 1, ... or -1 for noise
    std::vector<size_t> sizes;    // points per cluster
    size_t noise = 0;
};

// Throws geo::Error when eps is not positive or min_points < 1.
DbscanResult dbscan(std::span<const Coord> points, double eps, size_t min_points);

// One polygon per cluster: the concave hull (GEOS, ratio 0.3) of one representative point per
// eps/4 cell (which keeps every member inside once grown), grown by
// eps / 2, so that a chain or a pair of points still gives an area. Multi-part where needed.
GeometryColumn cluster_polygons(std::span<const Coord> points, const DbscanResult& result, double eps);

}  // namespace geo
