#pragma once
// Registering a drawing made in local coordinates onto a projected CRS (CGCS2000 Gauss-Kruger)
// from control points: a 4-parameter (similarity: scale, rotation, shift) or 6-parameter
// (affine) plane transform fitted by least squares, with every point's residual. Chinese survey
// conventions: X is north and Y east, and an easting may carry its zone number in front
// (36 427000.00 is 427,000 m in zone 36).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/core/geometry.h"

namespace geo {

struct ControlPoint {
    std::string id;
    Coord local;   // the drawing's coordinates
    Coord target;  // east, north in the target CRS (metres)
};

enum class PlaneTransformKind { Similarity, Affine };
std::string_view to_string(PlaneTransformKind k);      // "similarity", "affine"
PlaneTransformKind parse_plane_transform(const std::string& s);  // also "4"/"6"; throws geo::Error

// east = a·x + b·y + c, north = d·x + e·y + f (a similarity has d = -b, e = a).
struct PlaneTransform {
    PlaneTransformKind kind = PlaneTransformKind::Similarity;
    double a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    Coord apply(Coord p) const { return {a * p.x + b * p.y + c, d * p.x + e * p.y + f}; }
    double scale() const;         // similarity: the scale factor
    double rotation_deg() const;  // similarity: counter-clockwise rotation, degrees
};

struct Registration {
    PlaneTransform transform;
    std::vector<double> residual_m;  // per control point, |transformed − target|
    double rms_m = 0;
    size_t redundancy = 0;  // observations beyond those the transform needs (0: residuals are zero by construction)
};

// Needs 2 points (similarity) or 3 not on one line (affine); throws geo::Error naming the
// problem (too few, coincident or collinear points).
Registration fit_plane_transform(const std::vector<ControlPoint>& points, PlaneTransformKind kind);

// The CGCS2000 Gauss-Kruger CRS (central-meridian form, false easting 500 km) of a zone number
// as eastings carry it: 3-degree zones 25-45, 6-degree zones 13-23; 0 when there is none.
int gauss_kruger_epsg(int zone);

// An easting with the zone number in front (values of a million and more): the easting within
// the zone and the zone; `zone` is 0 when the easting carries none.
double easting_without_zone(double easting, int& zone);

// Control points from a CSV file with a header: id, x, y (the drawing's coordinates) and the
// target as east,north or as survey X,Y (X north, Y east; named "X"/"Y" or 北坐标/东坐标).
// Eastings with a zone prefix are taken without it; every point must name the same zone, given
// back in `zone` (0: none). Throws geo::Error naming the file and line.
std::vector<ControlPoint> read_control_points(const std::filesystem::path& file, int& zone);

}  // namespace geo
