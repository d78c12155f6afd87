#include "geo/report/layer_export.h"

#include <algorithm>
#include <optional>
#include <set>

#include <cpl_string.h>

#include "geo/core/error.h"
#include "geo/io/database_writer.h"
#include "geo/io/layer_writer.h"
#include "geo/io/ogr_feature.h"
#include "geo/io/web_map_coords.h"
#include "geo/style/qgis_qml.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Bytes `text` takes in `encoding` (GBK: two for each CJK character).
size_t encoded_bytes(const std::string& text, const std::string& encoding)
{
    if (encoding.empty() || lower(encoding) == "utf-8" || lower(encoding) == "utf8") return text.size();
    char* converted = CPLRecode(text.c_str(), CPL_ENC_UTF8, encoding == "GBK" ? "CP936" : encoding.c_str());
    const size_t n = converted ? std::strlen(converted) : text.size();
    CPLFree(converted);
    return n;
}

// The longest prefix of `text` (whole UTF-8 characters) within `bytes` in `encoding`.
std::string fit(const std::string& text, size_t bytes, const std::string& encoding)
{
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const std::string next = out + text.substr(i, n);
        if (encoded_bytes(next, encoding) > bytes) break;
        out = next;
        i += n;
    }
    return out;
}

std::string csv_cell(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

ExportCrs parse_export_crs(const std::string& text)
{
    const std::string t = lower(text);
    if (t == "working" || t.empty()) return ExportCrs::Working;
    if (t == "4490" || t == "epsg:4490" || t == "cgcs2000") return ExportCrs::Cgcs2000;
    if (t == "4326" || t == "epsg:4326" || t == "wgs84") return ExportCrs::Wgs84;
    if (t == "gcj02" || t == "gcj-02") return ExportCrs::Gcj02;
    if (t == "bd09" || t == "bd-09") return ExportCrs::Bd09;
    throw Error("unknown CRS '" + text + "' for an export (working, 4490, 4326, gcj02 or bd09)");
}

std::vector<std::string> dbf_field_names(const std::vector<std::string>& names, const std::string& encoding)
{
    std::vector<std::string> out;
    std::set<std::string> taken;
    for (const std::string& n : names) {
        std::string name = encoded_bytes(n, encoding) <= 10 ? n : fit(n, 10, encoding);
        for (int k = 1; taken.count(lower(name)); ++k) {  // dBASE names are case-blind
            const std::string tail = "_" + std::to_string(k);
            name = fit(n, 10 - tail.size(), encoding) + tail;
        }
        taken.insert(lower(name));
        out.push_back(name);
    }
    return out;
}

ExportResult export_layer(const Layer& layer, const Crs& working, const LayerStyle& style, const std::string& name, const fs::path& path_in,
                          const ExportOptions& options)
{
    ExportResult r;
    if (path_in.string().rfind("PG:", 0) == 0) {  // a PostGIS database: COPY, one transaction, the style in its layer_styles
        DatabaseWrite t;
        t.connection = path_in.string();
        t.schema = options.schema.empty() ? "public" : options.schema;
        t.table = options.table.empty() ? name : options.table;
        t.overwrite = options.overwrite;
        if (options.qgis_style) t.qml = qgis_qml(style, layer.geometry.kind());
        if (options.crs == ExportCrs::Gcj02 || options.crs == ExportCrs::Bd09)
            throw Error("GCJ-02 and BD-09 are for web maps, not for a shared database: choose working, 4490 or 4326");
        if (options.crs == ExportCrs::Working) {
            write_layer_to_database(layer, working, t);
        } else {
            Layer out = layer;
            const Crs crs = parse_crs(options.crs == ExportCrs::Cgcs2000 ? "EPSG:4490" : "EPSG:4326");
            Transformer(working, crs).transform(out.geometry.mutable_coords());
            write_layer_to_database(out, crs, t);
        }
        r.path = connection_for_messages(t.connection) + " table " + t.schema + "." + t.table;
        r.notes.push_back("written through COPY in one transaction, with a GiST index" + std::string(options.qgis_style ? " and its QGIS style in layer_styles" : ""));
        return r;
    }
    fs::path path = path_in;
    const std::string ext = lower(path.extension().string());
    const bool shapefile = ext == ".shp", csv = ext == ".csv", xlsx = ext == ".xlsx", wgs84_only = ext == ".kml" || ext == ".geojson";
    ExportCrs target = options.crs;
    if (wgs84_only && (target == ExportCrs::Working || target == ExportCrs::Cgcs2000)) {
        target = ExportCrs::Wgs84;
        r.notes.push_back(ext.substr(1) + " is WGS 84 (EPSG:4326) by definition: written in longitude and latitude");
    }
    const bool web = target == ExportCrs::Gcj02 || target == ExportCrs::Bd09;
    if (web) {
        const std::string label = target == ExportCrs::Gcj02 ? "_gcj02" : "_bd09";
        const std::string stem = path.stem().string();
        if (stem.size() < label.size() || stem.compare(stem.size() - label.size(), label.size(), label) != 0)
            path.replace_filename(stem + label + path.extension().string());
        r.notes.push_back(std::string("written in ") + (target == ExportCrs::Gcj02 ? "GCJ-02" : "BD-09") +
                          " web-map coordinates, which have no EPSG code: the file says EPSG:4326, so any GIS shows it about 500 m off; "
                          "it is for web maps (Amap, Tencent, Baidu), labelled in its name and metadata");
    }
    // Written 250,000 rows at a time: each chunk copied, moved to the target CRS, its fields
    // renamed for dBASE and, for a spreadsheet, its coordinates added as columns; the layer is
    // never copied whole (a registry of ten million would be in memory twice).
    Crs crs = working;
    std::optional<Transformer> to_target;
    if (target != ExportCrs::Working) {
        crs = parse_crs(target == ExportCrs::Cgcs2000 ? "EPSG:4490" : "EPSG:4326");
        to_target.emplace(working, crs);
    }
    std::vector<std::string> names;
    for (const Column& c : layer.columns) names.push_back(c.name());
    std::vector<std::string> out_names = names;
    LayerStyle shown = style;  // the style's fields follow any renaming below
    WriteOptions w;
    w.overwrite = options.overwrite;
    w.layer_name = name;
    w.spatial_index_limit = options.spatial_index_limit;
    if (web) w.metadata["coordinates"] = target == ExportCrs::Gcj02 ? "GCJ-02 (not EPSG:4326: offset for Chinese web maps)" : "BD-09 (not EPSG:4326: offset for Baidu maps)";
    if (shapefile) {
        const std::string enc = lower(options.encoding) == "gbk" || lower(options.encoding) == "cp936" ? "GBK" : "";
        w.encoding = enc.empty() ? "UTF-8" : "CP936";
        out_names = dbf_field_names(names, enc);
        std::string map = "field,dbf_field\n";
        bool changed = false;
        for (size_t i = 0; i < names.size(); ++i) {
            changed |= out_names[i] != names[i];
            map += csv_cell(names[i]) + "," + csv_cell(out_names[i]) + "\n";
            if (shown.field == names[i]) shown.field = out_names[i];
            if (shown.label_field == names[i]) shown.label_field = out_names[i];
        }
        if (changed) {
            w.sidecars["_fields.csv"] = map;
            fs::path mp = path;
            mp.replace_extension();
            r.notes.push_back("dBASE keeps field names to 10 bytes: some were shortened; " + mp.filename().string() +
                              "_fields.csv maps each to its full name");
        }
        if (!enc.empty()) r.notes.push_back("text encoded in GBK (CP936), with a .cpg saying so");
    }
    if (csv) {
        w.layer_options = {layer.geometry.kind() == GeomKind::Point ? "GEOMETRY=AS_XY" : "GEOMETRY=AS_WKT", "WRITE_BOM=YES"};
        r.notes.push_back(std::string("CSV holds no CRS: the coordinates are in ") + crs.describe());
    }
    if (xlsx)
        r.notes.push_back(std::string("a spreadsheet holds no geometry: ") + (layer.geometry.kind() == GeomKind::Point ? "each point's" : "each feature's centre") +
                          " coordinates are columns, in " + crs.describe());
    auto rows = [&](size_t begin, size_t end) {
        Layer out = slice_rows(layer, begin, end);
        if (to_target) to_target->transform(out.geometry.mutable_coords());
        if (web)
            for (Coord& c : out.geometry.mutable_coords()) c = target == ExportCrs::Gcj02 ? wgs84_to_gcj02(c) : gcj02_to_bd09(wgs84_to_gcj02(c));
        for (size_t i = 0; i < out.columns.size(); ++i)
            if (out_names[i] != names[i]) out.columns[i].rename(out_names[i]);
        if (xlsx) {
            // A spreadsheet has no geometry: the coordinates (a point's, else the centre of the
            // feature's extent) as two columns.
            Column x(target == ExportCrs::Working ? "x" : "lon", FieldType::Real), y(target == ExportCrs::Working ? "y" : "lat", FieldType::Real);
            for (size_t i = 0; i < out.size(); ++i) {
                const Coord c = out.geometry.kind() == GeomKind::Point ? out.geometry.first_coord(i) : out.geometry.envelope(i).centre();
                x.push_real(c.x);
                y.push_real(c.y);
            }
            out.columns.push_back(std::move(x));
            out.columns.push_back(std::move(y));
        }
        return out;
    };
    if (options.qgis_style && (ext == ".gpkg" || shapefile)) w.qml_styles[name] = qgis_qml(shown, layer.geometry.kind());
    LayerFileWriter writer(path, crs, w);
    writer.write_chunked(name, layer.size(), any_multi(layer.geometry), rows);
    writer.commit();
    r.path = path;
    return r;
}

}  // namespace geo
