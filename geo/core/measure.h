#pragma once
// Measuring on the map: a path's length and a ring's area in the working CRS (plane
// metres) with the figure on the ellipsoid beside it (PROJ's geodesic routines, WGS 84),
// and how a planner reads them: m / km, m² / ha / 亩 (666.67 m²).
#include <span>
#include <string>

#include "geo/core/geometry.h"
#include "geo/io/crs.h"

namespace geo {

struct Measurement {
    double length_m = 0, geodesic_length_m = 0;  // along the points (closed: back to the first)
    double area_m2 = 0, geodesic_area_m2 = 0;    // closed only; 0 otherwise
};

// `points` in the CRS `to_wgs84` starts from (metres).
Measurement measure(std::span<const Coord> points, const Transformer& to_wgs84, bool closed);

std::string length_text(double metres);      // "850 m", "12.35 km"
std::string area_text(double square_metres);  // "12,345 m² · 1.23 ha · 18.5 亩"

}  // namespace geo
