#pragma once
// Where a layer comes from and how to read it: what a project file or a command line says.
#include <string>

#include "geo/io/web_map_coords.h"

namespace geo {

struct LayerSource {
    std::string path;      // file path or "PG:..." connection string
    std::string layer;     // layer name inside the source; empty: the source's only layer
    std::string srs;       // CRS override ("EPSG:4490"); empty: the source's own
    std::string encoding;  // text encoding override ("CP936", "UTF-8"); empty: detect
    WebMapCoords coords = WebMapCoords::Wgs84;  // declared web-map coordinates
};

}  // namespace geo
