#pragma once
// Where the basemap under the layers comes from, as the project says in "basemap":
//
//   "basemap": {"source": "https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}",
//               "key_env": "TIANDITU_TK", "coordinates": "wgs84", "opacity": 0.8}
//
// `source` is one of
//   - a raster file GDAL reads (GeoTIFF, MBTiles, GeoPackage tiles), relative to the project;
//   - an XYZ tile template with {x} {y} {z} ({-y} for TMS rows counted from the south, {key}
//     for the key), either a URL or a local folder ("tiles/{z}/{x}/{y}.png");
//   - a WMTS service, "WMTS:" and its GetCapabilities URL (`layer` picks one of its layers).
// `key` (or `key_env`, the environment variable holding it, so that a shared project file
// carries no key) goes on every request: Tianditu's `tk`. Tiles from Amap or Tencent are in
// GCJ-02 and say so with "coordinates": "gcj02"; they are shifted onto true positions.
// Web tiles are cached on disk (`cache`, default ~/.cache/parkcap/tiles).
#include <filesystem>
#include <optional>
#include <string>

#include "geo/io/web_map_coords.h"
#include "geo/project/project.h"

namespace geo {

struct BasemapSource {
    enum class Kind { File, Xyz, Wmts };
    Kind kind = Kind::File;
    std::string source;       // as written in the project
    std::string layer;        // WMTS layer (empty: the service's only or first)
    std::string key;          // the key itself, when the project holds it
    std::string key_env;      // the environment variable holding the key
    WebMapCoords coordinates = WebMapCoords::Wgs84;
    int max_zoom = 18;        // XYZ: the deepest zoom level the server has
    double opacity = 1.0;
    bool visible = true;
    std::string cache;        // folder for downloaded tiles ("" = the default)
};

// From the project's "basemap" (none: nullopt). Throws geo::Error naming the key
// ("basemap.coordinates: ...") for a wrong value.
std::optional<BasemapSource> basemap_of(const Project& project);
BasemapSource parse_basemap(const Json& j, const std::string& where = "basemap");
Json to_json(const BasemapSource& s);
// Sets (or, with nullopt, removes) the project's "basemap".
void store_basemap(Project& project, const std::optional<BasemapSource>& s);

// The kind a source text names (a template with {z}: XYZ; "WMTS:": WMTS; else a file).
BasemapSource::Kind basemap_kind(const std::string& source);

// The key to send: `key`, else the environment variable `key_env` (empty when neither).
std::string basemap_key(const BasemapSource& s);
// The folder web tiles are cached in: `cache` (relative to the project folder), else
// $XDG_CACHE_HOME/parkcap/tiles, else ~/.cache/parkcap/tiles.
std::filesystem::path basemap_cache_dir(const BasemapSource& s, const std::filesystem::path& project_folder);

// What GDAL opens: the file's path, or a GDAL_WMS / GDAL_WMTS description (XML) with the
// key on every request and, for web sources, the disk cache. `offline`: cached tiles only.
std::string gdal_basemap_name(const BasemapSource& s, const std::filesystem::path& project_folder, bool offline = false);

// "XYZ tiles https://t0.tianditu.gov.cn/... (key from TIANDITU_TK, GCJ-02)": the source
// for messages, with the key itself never shown.
std::string describe(const BasemapSource& s);

}  // namespace geo
