#pragma once
// Where a layer comes from and how to read it: what a project file or a command line says.
#include <optional>
#include <string>
#include <vector>

#include "geo/core/envelope.h"
#include "geo/core/geometry.h"
#include "geo/io/web_map_coords.h"

namespace geo {

struct LayerSource {
    std::string path;      // file path or "PG:..." connection string
    std::string layer;     // layer name inside the source; empty: the source's only layer
    // A query whose result is the layer (GDAL's ExecuteSQL: PostgreSQL's own SQL for a PostGIS
    // database, the SQLite dialect for a GeoPackage); the CRS comes from its geometry column.
    // Empty: the layer itself. Not with `layer`.
    std::string sql;
    std::string srs;       // CRS override ("EPSG:4490"); empty: the source's own
    std::string encoding;  // text encoding override ("CP936", "UTF-8"); empty: detect
    WebMapCoords coords = WebMapCoords::Wgs84;  // declared web-map coordinates
    // Read only these attribute fields (GDAL skips the others); unset: all of them. A name the
    // layer does not have is an error naming it.
    std::optional<std::vector<std::string>> only_fields;
    // Read only the features whose box meets this one (in `within_crs`, e.g. the working CRS):
    // the source's spatial index does the work (SQL `&&` with a GiST index for PostGIS, the
    // R-tree of a GeoPackage), so a park of a city registry is read without the rest. Not for
    // declared GCJ-02/BD-09 coordinates, whose offset the source's index does not know.
    std::optional<Envelope> within;
    std::string within_crs;
    // The dimension the layer's role needs: a layer of unknown or collection type (KML, a
    // GeometryCollection column) keeps the parts of this dimension. Unset: the first found.
    std::optional<GeomKind> wanted;
};

}  // namespace geo
