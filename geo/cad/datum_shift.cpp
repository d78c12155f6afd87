#include "geo/cad/datum_shift.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <vector>

#include <cpl_conv.h>
#include <ogr_spatialref.h>

#include "geo/core/error.h"

namespace geo {

SevenParameters parse_seven_parameters(const std::string& text)
{
    std::vector<double> v;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        char* end = nullptr;
        const double x = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || !std::isfinite(x))
            throw Error("the datum parameter '" + item + "' is not a number (give dx,dy,dz in metres, rx,ry,rz in arc-seconds, the scale in ppm)");
        v.push_back(x);
    }
    if (v.size() != 7 && v.size() != 3)
        throw Error("a datum transform takes 7 parameters (dx,dy,dz,rx,ry,rz,ppm) or 3 (dx,dy,dz), not " + std::to_string(v.size()) + ": '" + text + "'");
    SevenParameters p;
    p.dx = v[0], p.dy = v[1], p.dz = v[2];
    if (v.size() == 7) p.rx = v[3], p.ry = v[4], p.rz = v[5], p.ppm = v[6];
    return p;
}

Crs with_seven_parameters(const Crs& from, const SevenParameters& p)
{
    // As a PROJ string with +towgs84: a CRS that keeps its EPSG code keeps EPSG's (absent)
    // datum transformation, and PROJ then ignores a TOWGS84 set on it (checked with GDAL 3.6).
    char* proj = nullptr;
    if (from.srs->exportToProj4(&proj) != OGRERR_NONE || !proj) {
        CPLFree(proj);
        throw Error("the CRS " + from.describe() + " has no PROJ form to carry a datum transform");
    }
    std::string text = proj;
    CPLFree(proj);
    for (const char* drop : {" +towgs84=", " +datum="}) {
        const size_t at = text.find(drop);
        if (at != std::string::npos) text.erase(at, text.find(' ', at + 1) - at);
    }
    const double sign = p.coordinate_frame ? -1.0 : 1.0;  // +towgs84 takes position-vector rotations
    char buf[256];
    std::snprintf(buf, sizeof buf, " +towgs84=%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g", p.dx, p.dy, p.dz, sign * p.rx, sign * p.ry, sign * p.rz, p.ppm);
    text += buf;
    auto srs = std::make_shared<OGRSpatialReference>();
    if (srs->importFromProj4(text.c_str()) != OGRERR_NONE) throw Error("PROJ did not take the datum transform on " + from.describe() + ": " + text);
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return {srs};
}

void shift_datum(std::span<Coord> coords, const Crs& from, const SevenParameters& p, const Crs& to)
{
    const Transformer into_wgs84(with_seven_parameters(from, p), parse_crs("EPSG:4326"));
    into_wgs84.transform(coords);
    const Transformer onto(parse_crs("EPSG:4490"), to);
    onto.transform(coords);
    for (const Coord& c : coords)
        if (!std::isfinite(c.x) || !std::isfinite(c.y)) throw Error("PROJ could not move a coordinate from " + from.describe() + " to " + to.describe());
}

}  // namespace geo
