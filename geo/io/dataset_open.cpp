#include "geo/io/dataset_open.h"

#include <algorithm>
#include <filesystem>
#include <cerrno>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "geo/core/error.h"
#include "geo/core/json_depth.h"
#include "geo/io/gdal_errors.h"
#include "geo/io/shapefile_encoding.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kXNames = {"lon", "lng", "long", "longitude", "经度", "x", "point_x", "easting"};
const std::vector<std::string> kYNames = {"lat", "latitude", "纬度", "y", "point_y", "northing"};
const std::vector<std::string> kGeographicX = {"lon", "lng", "long", "longitude", "经度"};
const std::vector<std::string> kWktNames = {"wkt", "geometry", "geom", "the_geom", "shape", "几何"};

std::string lower(std::string s)
{
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string extension_of(const std::string& path)
{
    return lower(fs::path(path).extension().string());
}

bool is_csv(const std::string& path)
{
    const std::string ext = extension_of(path);
    return ext == ".csv" || ext == ".tsv";
}

std::string join(const std::vector<std::string>& items, const char* sep = ",")
{
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

// The header names of a CSV file, lower-cased and unquoted (a UTF-8 BOM is dropped).
std::vector<std::string> csv_header(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::getline(in, line);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const char sep = line.find('\t') != std::string::npos   ? '\t'
                     : line.find(';') != std::string::npos && line.find(',') == std::string::npos ? ';'
                                                                                                : ',';
    std::vector<std::string> names;
    std::string cur;
    for (char c : line + sep) {
        if (c == sep) {
            cur.erase(0, cur.find_first_not_of(" \""));
            cur.erase(cur.find_last_not_of(" \"") + 1);
            names.push_back(lower(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    return names;
}

bool has_any(const std::vector<std::string>& header, const std::vector<std::string>& names)
{
    for (const auto& n : names)
        if (std::find(header.begin(), header.end(), n) != header.end()) return true;
    return false;
}

}  // namespace

bool shapefile_without_dbf(const std::string& path);

namespace {

struct OpenPlan {
    std::vector<std::string> options;
    std::string encoding;
    std::vector<std::string> warnings;
};

// The first column of `header` (in file order) whose name is one of `names`, and a warning
// naming the others that would also have matched; "" when none matches.
std::string pick_column(const std::vector<std::string>& header, const std::vector<std::string>& names, const char* what,
                        std::vector<std::string>& warnings)
{
    std::vector<std::string> found;
    for (const std::string& h : header)
        if (std::find(names.begin(), names.end(), h) != names.end() && std::find(found.begin(), found.end(), h) == found.end())
            found.push_back(h);
    if (found.size() > 1) {
        std::string others;
        for (size_t i = 1; i < found.size(); ++i) others += (i > 1 ? "', '" : "") + found[i];
        warnings.push_back("several columns look like the " + std::string(what) + ": using '" + found[0] + "', not '" + others +
                           "' (name the one you mean in the file, or drop the others)");
    }
    return found.empty() ? "" : found[0];
}

OpenPlan plan_open(const LayerSource& src)
{
    OpenPlan plan;
    const std::string ext = extension_of(src.path);
    if (is_csv(src.path)) {
        const std::vector<std::string> header = csv_header(src.path);
        const std::string x = pick_column(header, kXNames, "x / longitude", plan.warnings);
        const std::string y = pick_column(header, kYNames, "y / latitude", plan.warnings);
        // A header naming one column twice ("x;d;x") crashes GDAL 3.6's CSV reader when it
        // drops the coordinate columns (found by fuzzing); keeping them avoids the crash.
        std::string repeated;
        for (size_t i = 0; i < header.size() && repeated.empty(); ++i)
            for (size_t j = i + 1; j < header.size(); ++j)
                if (!header[i].empty() && header[i] == header[j]) repeated = header[i];
        if (!repeated.empty())
            plan.warnings.push_back("the column '" + repeated + "' appears more than once; the first is used, and the "
                                    "coordinate columns are also kept as attributes");
        plan.options = {"X_POSSIBLE_NAMES=" + (x.empty() ? join(kXNames) : x), "Y_POSSIBLE_NAMES=" + (y.empty() ? join(kYNames) : y),
                        "GEOM_POSSIBLE_NAMES=" + join(kWktNames), repeated.empty() ? "KEEP_GEOM_COLUMNS=NO" : "KEEP_GEOM_COLUMNS=YES",
                        "AUTODETECT_TYPE=YES", "EMPTY_STRING_AS_NULL=YES"};
    } else if (ext == ".shp" && shapefile_without_dbf(src.path)) {
        plan.warnings.push_back("no .dbf beside the .shp: the features have geometry but no attributes (no names, no "
                                "employees); put the .dbf back next to it");
    } else if (ext == ".shp" || ext == ".dbf") {
        ShapefileEncoding enc = detect_shapefile_encoding(src.path, src.encoding);
        plan.encoding = enc.encoding;
        if (!enc.gdal_option.empty()) plan.options.push_back("ENCODING=" + enc.gdal_option);
        if (!enc.note.empty()) plan.warnings.push_back(enc.note);
    }
    return plan;
}

// For a .geojson/.json file that GDAL cannot open: where its JSON syntax goes wrong ("not
// valid JSON at line 3, column 88: ..."), or "" when it parses or is not such a file.
std::string json_syntax_error(const std::string& path)
{
    const std::string ext = extension_of(path);
    std::error_code ec;
    if ((ext != ".geojson" && ext != ".json") || fs::file_size(path, ec) > (size_t(256) << 20)) return {};
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (auto deep = find_json_too_deep(text))
        return "nested too deeply at line " + std::to_string(deep->line) + ", column " + std::to_string(deep->column);
    try {
        const nlohmann::json parsed = nlohmann::json::parse(text);
        (void)parsed;
    } catch (const nlohmann::json::parse_error& e) {
        size_t line = 1, column = 1;
        for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        std::string what = e.what();
        if (auto pos = what.find("syntax error"); pos != std::string::npos) what = what.substr(pos);
        return "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
    }
    return {};
}

GDALDatasetUniquePtr open_dataset(const std::string& path, const std::vector<std::string>& options)
{
    ensure_gdal_registered();
    const bool is_connection = path.rfind("PG:", 0) == 0 || path.rfind("pg:", 0) == 0;
    if (!is_connection) {
        std::error_code ec;
        if (path.find('\0') != std::string::npos)
            throw Error("the path contains a NUL character (cut it out)", {.file = path.substr(0, path.find('\0')) + "\\0..."});
        const fs::file_status st = fs::status(path, ec);
        if (ec && ec.value() == ELOOP) throw Error("a loop of symbolic links: it never reaches a file", {.file = path});
        if (!fs::exists(st)) throw Error("no such file", {.file = path});
        if (fs::is_regular_file(st) && fs::file_size(path, ec) == 0)
            throw Error("the file is empty (0 bytes): was it copied or downloaded completely?", {.file = path});
        if (fs::is_directory(path, ec) && extension_of(path) != ".gdb")
            throw Error("is a folder, not a layer file (name a .gpkg, .shp, .geojson, .fgb, .kml "
                        "or .csv file)", {.file = path});
    }
    std::vector<const char*> opts;
    for (const auto& o : options) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, opts.data(), nullptr));
    if (!ds) {
        std::string why = capture.last_error("not a vector format GDAL can read");
        if (const std::string where = json_syntax_error(path); !where.empty()) why += " (" + where + ")";
        throw Error("cannot open: " + why, {.file = path});
    }
    if (ds->GetLayerCount() == 0) throw Error("has no vector layers", {.file = path});
    return ds;
}

}  // namespace

bool shapefile_without_dbf(const std::string& path)
{
    if (extension_of(path) != ".shp") return false;
    std::error_code ec;
    for (const char* ext : {".dbf", ".DBF", ".Dbf"}) {
        fs::path p = path;
        if (fs::exists(p.replace_extension(ext), ec)) return false;
    }
    return true;
}

const std::vector<std::string>& csv_longitude_names() { return kXNames; }
const std::vector<std::string>& csv_latitude_names() { return kYNames; }

std::vector<LayerListing> list_layers(const std::string& path, const std::string& encoding)
{
    LayerSource src;
    src.path = path;
    src.encoding = encoding;
    GDALDatasetUniquePtr ds = open_dataset(path, plan_open(src).options);
    std::vector<LayerListing> out;
    for (OGRLayer* layer : ds->GetLayers()) {
        LayerListing l;
        l.name = layer->GetName();
        l.geometry_type = OGRGeometryTypeToName(layer->GetGeomType());
        l.feature_count = layer->GetFeatureCount(FALSE);
        out.push_back(l);
    }
    return out;
}

OpenedLayer open_layer(const LayerSource& src)
{
    OpenPlan plan = plan_open(src);
    OpenedLayer out;
    out.dataset = open_dataset(src.path, plan.options);
    out.driver = out.dataset->GetDriver() ? out.dataset->GetDriver()->GetDescription() : "";
    out.encoding = plan.encoding;
    out.warnings = plan.warnings;

    GDALDataset& ds = *out.dataset;
    if (!src.sql.empty()) {
        if (!src.layer.empty()) throw Error("give a layer or a query (sql), not both", {.file = src.path, .layer = src.layer});
        GdalErrorCapture capture;
        GDALDataset* owner = out.dataset.get();
        out.result = {ds.ExecuteSQL(src.sql.c_str(), nullptr, nullptr), [owner](OGRLayer* l) { owner->ReleaseResultSet(l); }};
        if (!out.result) throw Error("the query failed: " + capture.last_error("it returned no rows and no layer"), {.file = src.path, .key = "sql"});
        out.layer = out.result.get();
    } else if (src.layer.empty()) {
        if (ds.GetLayerCount() > 1) {
            std::vector<std::string> names;
            for (OGRLayer* l : ds.GetLayers()) names.push_back(l->GetName());
            throw Error("has " + std::to_string(names.size()) + " layers; name one of: " +
                            join(names, ", "), {.file = src.path});
        }
        out.layer = ds.GetLayer(0);
    } else {
        out.layer = ds.GetLayerByName(src.layer.c_str());
        if (!out.layer) {
            std::vector<std::string> names;
            for (OGRLayer* l : ds.GetLayers()) names.push_back(l->GetName());
            throw Error("no layer named '" + src.layer + "' (layers: " + join(names, ", ") + ")",
                        {.file = src.path});
        }
    }
    const ErrorContext where{.file = src.path, .layer = out.layer->GetName()};

    if (out.layer->GetGeomType() == wkbNone) {
        if (is_csv(src.path))
            throw Error("no coordinate columns found: name them lon/lng/longitude/x/经度 and "
                        "lat/latitude/y/纬度, or give a WKT column (wkt/geometry)", where);
        throw Error("has no geometry column", where);
    }

    // The CRS: an override wins; then the source's own; for a CSV whose coordinate columns
    // are named as longitude/latitude, WGS 84 is stated (with a warning), never silently.
    if (!src.srs.empty()) {
        try {
            out.crs = parse_crs(src.srs);
        } catch (const Error& e) {
            throw e.with_outer(where);
        }
    } else if (const OGRSpatialReference* srs = out.layer->GetSpatialRef()) {
        out.crs = crs_from_source(*srs);
    } else if (is_csv(src.path) && has_any(csv_header(src.path), kGeographicX)) {
        out.crs = wgs84();
        out.warnings.push_back("no CRS in the file; its coordinate columns are named as "
                               "longitude/latitude, so they are read as EPSG:4326 (set srs to "
                               "override, e.g. EPSG:4490)");
        if (src.coords == WebMapCoords::Wgs84)
            out.warnings.push_back("coordinates taken from Amap (高德), Tencent or Baidu maps are not WGS 84 but GCJ-02 "
                                   "(Baidu: BD-09) and land 300-700 m off unless declared: --coords gcj02 or bd09 on "
                                   "the command line, \"coordinates\": \"gcj02\" for this layer in the project");
    } else {
        throw Error("has no coordinate reference system (a Shapefile without .prj, a CSV with "
                    "x/y columns...); set one with --srs EPSG:CODE on the command line or "
                    "\"srs\": \"EPSG:CODE\" for this layer in the project file", where);
    }
    if (src.coords != WebMapCoords::Wgs84 && !out.crs.is_geographic())
        throw Error("declared " + std::string(to_string(src.coords)) +
                        " coordinates, but its CRS " + out.crs.describe() +
                        " is not longitude/latitude", where);
    return out;
}

std::vector<std::string> field_names(const LayerSource& source)
{
    OpenedLayer opened = open_layer(source);
    std::vector<std::string> out;
    OGRFeatureDefn& defn = *opened.layer->GetLayerDefn();
    for (int i = 0; i < defn.GetFieldCount(); ++i) out.push_back(defn.GetFieldDefn(i)->GetNameRef());
    return out;
}

}  // namespace geo
