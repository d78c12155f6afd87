#pragma once
#include <cstdint>
// Exporting one layer for a report or another office: to GeoPackage, Shapefile, GeoJSON,
// FlatGeobuf, KML, CSV or XLSX (by the file's extension), in the working CRS, CGCS2000
// (EPSG:4490), WGS 84 (EPSG:4326) or the web-map coordinates Chinese offices use (GCJ-02,
// BD-09), with its QGIS style (a layer_styles table in a GeoPackage, a .qml beside a
// Shapefile). Through the one atomic writer: never half a file, never over an existing one
// without `overwrite`. What a planner must know about the result is in `notes` (a file
// labelled _gcj02, a format that is WGS 84 by definition, field names shortened for dBASE).
#include <filesystem>
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/io/crs.h"
#include "geo/style/layer_style.h"

namespace geo {

enum class ExportCrs { Working, Cgcs2000, Wgs84, Gcj02, Bd09 };
// "working", "4490" / "EPSG:4490" / "cgcs2000", "4326" / "wgs84", "gcj02", "bd09"; throws
// geo::Error for anything else.
ExportCrs parse_export_crs(const std::string& text);

struct ExportOptions {
    ExportCrs crs = ExportCrs::Working;
    std::string encoding;  // Shapefile: "" or "UTF-8" (with a .cpg), "GBK" (CP936, a .cpg of 936)
    bool overwrite = false;
    bool qgis_style = true;  // write the QGIS style along (GeoPackage, Shapefile, PostGIS)
    std::string schema = "public";  // a PostGIS target ("PG:..." as the path): the schema and the table
    std::string table;              // "" : the layer's name
    // GeoPackage: a layer with more features than this gets no R-tree (WriteOptions); an export
    // is for sharing, so it has one by default (SQLite builds it at about 70,000 points a second).
    size_t spatial_index_limit = SIZE_MAX;
};

struct ExportResult {
    std::filesystem::path path;       // as written (a GCJ-02 file gains "_gcj02" in its name)
    std::vector<std::string> notes;   // for the planner
};

// `layer` in `working` CRS, named `name` in the file, drawn with `style` (classified).
ExportResult export_layer(const Layer& layer, const Crs& working, const LayerStyle& style, const std::string& name,
                          const std::filesystem::path& path, const ExportOptions& options);

// dBASE field names (at most 10 bytes in `encoding`, unique, never cut inside a character) for
// `names`; the same name where it fits.
std::vector<std::string> dbf_field_names(const std::vector<std::string>& names, const std::string& encoding);

}  // namespace geo
