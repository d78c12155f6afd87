#pragma once
// Coordinate reference systems: parsing what a user writes, choosing the metric working CRS
// from the data's centre, and transforming coordinates in bulk. Axis order is always
// traditional GIS order (x = longitude/easting, y = latitude/northing).
#include <memory>
#include <span>
#include <string>

#include <ogr_spatialref.h>

#include "geo/core/envelope.h"

namespace geo {

struct Crs {
    std::shared_ptr<const OGRSpatialReference> srs;  // never null in a valid Crs

    bool is_geographic() const { return srs->IsGeographic() != 0; }
    // "EPSG:4545" when identified by an authority code, otherwise the CRS name.
    std::string code() const;
    // "EPSG:4545 (CGCS2000 / 3-degree Gauss-Kruger CM 108E)"
    std::string describe() const;
};

// Parses "EPSG:4490", a bare EPSG number, WKT, PROJJSON or a PROJ string. Throws geo::Error
// naming the text when PROJ cannot make sense of it.
Crs parse_crs(const std::string& text);
// Copies a CRS found in a data source, setting traditional axis order.
Crs crs_from_source(const OGRSpatialReference& srs);
Crs wgs84();

// The EPSG code of the default working CRS for data centred at (lon, lat): the CGCS2000
// 3-degree Gauss-Krüger zone (EPSG:4534-4554, central meridian = nearest multiple of 3°)
// inside China's bounding box, the WGS 84 UTM zone (326xx north, 327xx south) elsewhere.
int default_working_epsg(double lon, double lat);

// True inside the rough bounding box of China used by the GCJ-02 definition.
bool in_china_box(double lon, double lat);

// Bulk coordinate transformation from one CRS to another. Coordinates that PROJ cannot
// transform become infinite (callers check with std::isfinite).
class Transformer {
public:
    Transformer(const Crs& from, const Crs& to);
    void transform(std::span<Coord> coords) const;
    bool is_identity() const { return !m_ct; }

private:
    struct Deleter {
        void operator()(OGRCoordinateTransformation* ct) const;
    };
    std::unique_ptr<OGRCoordinateTransformation, Deleter> m_ct;
};

}  // namespace geo
