#pragma once
// DBSCAN on points in metres: a point with at least min_points points (itself included)
// within eps is a core point; clusters are the core points reachable from one another and
// the border points they reach; the rest is noise. Neighbours come from a grid of eps-sized
// buckets (never all pairs). Deterministic: clusters are numbered in the order of their
// lowest-index core point, and a border point goes to the first cluster that reaches it.
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

// One polygon per cluster: the concave hull of its points (GEOS, ratio 0.3) grown by
// eps / 2, so that a chain or a pair of points still gives an area. Multi-part where needed.
GeometryColumn cluster_polygons(std::span<const Coord> points, const DbscanResult& result, double eps);

}  // namespace geo
