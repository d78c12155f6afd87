#pragma once
// Older survey data in Beijing 1954 or Xi'an 1980 onto CGCS2000: a 7-parameter (Bursa-Wolf)
// datum transform whose parameters the user gives, as they are published per province or
// city (EPSG holds none for these datums). CGCS2000 is taken as WGS 84 to the centimetre, as
// EPSG's own transformation between them does.
#include <span>
#include <string>

#include "geo/core/geometry.h"
#include "geo/io/crs.h"

namespace geo {

struct SevenParameters {
    double dx = 0, dy = 0, dz = 0;  // metres
    double rx = 0, ry = 0, rz = 0;  // arc-seconds
    double ppm = 0;                 // scale difference, parts per million
    bool coordinate_frame = false;  // rotations in the coordinate-frame convention (else position vector, EPSG 9606)
};

// "dx,dy,dz,rx,ry,rz,ppm"; throws geo::Error naming the value that is no number, or a count
// other than seven (three, a translation only, is accepted too).
SevenParameters parse_seven_parameters(const std::string& text);

// `from` bound to WGS 84 by these parameters: a Transformer from it to WGS 84 applies them.
Crs with_seven_parameters(const Crs& from, const SevenParameters& p);

// Moves `coords` from `from` (Beijing 1954, Xi'an 1980, geographic or projected) onto `to` (a
// CGCS2000 CRS): the 7 parameters into WGS 84, which is then read as CGCS2000. (PROJ, asked
// for `from` to CGCS2000 directly, finds no path through the parameters and shifts nothing.)
// Throws geo::Error when PROJ cannot transform a coordinate.
void shift_datum(std::span<Coord> coords, const Crs& from, const SevenParameters& p, const Crs& to);

}  // namespace geo
