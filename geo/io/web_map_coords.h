#pragma once
// Chinese web-map coordinates. GCJ-02 ("Mars coordinates", used by Amap and Tencent) and BD-09
// (Baidu) are obfuscated WGS84 longitude/latitude. The forward transforms are the standard
// published formulas (Krasovsky 1940 ellipsoid, a = 6378245, ee = 0.00669342162296594323);
// the inverse is iterative and returns WGS84 within 1e-9 degrees (well under 0.01 m).
// Points outside China's box (in_china_box) are not shifted, as the transform defines.
#include <string_view>

#include "geo/core/envelope.h"

namespace geo {

enum class WebMapCoords { Wgs84, Gcj02, Bd09 };

// Parses "wgs84" / "gcj02" / "bd09" (case-insensitive, "-" and "_" ignored); throws
// geo::Error naming the text otherwise.
WebMapCoords parse_web_map_coords(std::string_view text);
std::string_view to_string(WebMapCoords c);

Coord wgs84_to_gcj02(Coord lonlat);
Coord gcj02_to_wgs84(Coord lonlat);
Coord gcj02_to_bd09(Coord lonlat);
Coord bd09_to_gcj02(Coord lonlat);
Coord to_wgs84(WebMapCoords from, Coord lonlat);

}  // namespace geo
