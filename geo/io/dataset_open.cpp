#include "geo/io/dataset_open.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "geo/core/error.h"
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

struct OpenPlan {
    std::vector<std::string> options;
    std::string encoding;
    std::vector<std::string> warnings;
};

OpenPlan plan_open(const LayerSource& src)
{
    OpenPlan plan;
    const std::string ext = extension_of(src.path);
    if (is_csv(src.path)) {
        plan.options = {"X_POSSIBLE_NAMES=" + join(kXNames), "Y_POSSIBLE_NAMES=" + join(kYNames),
                        "GEOM_POSSIBLE_NAMES=" + join(kWktNames), "KEEP_GEOM_COLUMNS=NO",
                        "AUTODETECT_TYPE=YES", "EMPTY_STRING_AS_NULL=YES"};
    } else if (ext == ".shp" || ext == ".dbf") {
        ShapefileEncoding enc = detect_shapefile_encoding(src.path, src.encoding);
        plan.encoding = enc.encoding;
        if (!enc.gdal_option.empty()) plan.options.push_back("ENCODING=" + enc.gdal_option);
        if (!enc.note.empty()) plan.warnings.push_back(enc.note);
    }
    return plan;
}

GDALDatasetUniquePtr open_dataset(const std::string& path, const std::vector<std::string>& options)
{
    ensure_gdal_registered();
    const bool is_connection = path.rfind("PG:", 0) == 0 || path.rfind("pg:", 0) == 0;
    if (!is_connection) {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw Error("no such file", {.file = path});
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
        throw Error("cannot open: " + why, {.file = path});
    }
    if (ds->GetLayerCount() == 0) throw Error("has no vector layers", {.file = path});
    return ds;
}

}  // namespace

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
    if (src.layer.empty()) {
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

}  // namespace geo
