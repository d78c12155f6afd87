#include "geo/io/layer_writer.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <vector>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/atomic_file.h"
#include "geo/io/disk_space.h"
#include "geo/io/gdal_errors.h"
#include "geo/io/ogr_feature.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

std::string driver_for(const fs::path& path)
{
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".gpkg") return "GPKG";
    if (ext == ".shp") return "ESRI Shapefile";
    if (ext == ".geojson" || ext == ".json") return "GeoJSON";
    if (ext == ".fgb") return "FlatGeobuf";
    if (ext == ".kml") return "KML";
    if (ext == ".csv") return "CSV";
    if (ext == ".xlsx") return "XLSX";
    throw Error("cannot tell the format from the extension '" + ext + "'", {.file = path.string()});
}

// The files a dataset at `path` consists of (a Shapefile is several; its .qml, when styled,
// is one of them).
std::vector<fs::path> members(const fs::path& path, const std::string& driver)
{
    if (driver != "ESRI Shapefile") return {path};
    std::vector<fs::path> out;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml"}) {
        fs::path p = path;
        p.replace_extension(ext);
        out.push_back(p);
    }
    return out;
}

// A sidecar's path: `path` with its extension replaced by `suffix` ("x.shp" + "_fields.csv").
fs::path sidecar_path(const fs::path& path, const std::string& suffix)
{
    fs::path p = path;
    p.replace_extension();
    return fs::path(p.string() + suffix);
}

// The dBASE header's "last update" date (bytes 1 to 3, YY MM DD since 1900), fixed so that
// identical runs give identical files.
void fix_dbf_date(const fs::path& dbf, const std::string& iso_date)
{
    std::FILE* f = std::fopen(dbf.c_str(), "r+b");
    if (!f) return;
    const int y = std::atoi(iso_date.substr(0, 4).c_str()), m = std::atoi(iso_date.substr(5, 2).c_str()), d = std::atoi(iso_date.substr(8, 2).c_str());
    const unsigned char date[3] = {static_cast<unsigned char>(y - 1900), static_cast<unsigned char>(m), static_cast<unsigned char>(d)};
    if (std::fseek(f, 1, SEEK_SET) == 0) std::fwrite(date, 1, 3, f);
    std::fclose(f);
}

// QGIS's layer_styles table, as QGIS itself creates it, with one default style per layer.
// f_table_schema is the empty string, not NULL: QGIS ignores a style whose schema is NULL.
void write_layer_styles(GDALDataset& ds, const std::map<std::string, std::string>& styles, const std::string& date, const fs::path& path,
                        GdalErrorCapture& capture)
{
    const ErrorContext where{.file = path.string(), .layer = "layer_styles"};
    OGRLayer* t = ds.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    if (!t) throw Error("cannot create the QGIS style table: " + capture.last_error(), where);
    struct F {
        const char* name;
        OGRFieldType type;
        int width;
    };
    for (const F& f : {F{"f_table_catalog", OFTString, 256}, F{"f_table_schema", OFTString, 256}, F{"f_table_name", OFTString, 256},
                       F{"f_geometry_column", OFTString, 256}, F{"styleName", OFTString, 30}, F{"styleQML", OFTString, 0},
                       F{"styleSLD", OFTString, 0}, F{"useAsDefault", OFTInteger, 0}, F{"description", OFTString, 0},
                       F{"owner", OFTString, 30}, F{"ui", OFTString, 30}, F{"update_time", OFTDateTime, 0}}) {
        OGRFieldDefn fd(f.name, f.type);
        if (f.width) fd.SetWidth(f.width);
        if (std::string(f.name) == "useAsDefault") fd.SetSubType(OFSTBoolean);
        if (t->CreateField(&fd) != OGRERR_NONE) throw Error("cannot create the QGIS style table: " + capture.last_error(), where);
    }
    for (const auto& [layer, qml] : styles) {
        OGRFeature f(t->GetLayerDefn());
        f.SetField("f_table_catalog", "");
        f.SetField("f_table_schema", "");
        f.SetField("f_table_name", layer.c_str());
        f.SetField("f_geometry_column", "geom");
        f.SetField("styleName", layer.c_str());
        f.SetField("styleQML", qml.c_str());
        f.SetField("styleSLD", "");
        f.SetField("useAsDefault", 1);
        f.SetField("description", "parkcap");
        f.SetField("owner", "");
        f.SetField("update_time", date.c_str());
        if (t->CreateFeature(&f) != OGRERR_NONE) throw Error("cannot write the QGIS style of '" + layer + "': " + capture.last_error(), where);
    }
}

}  // namespace

namespace {

// SOURCE_DATE_EPOCH (the reproducible-builds convention) when set, else 2000-01-01.
std::string reproducible_date()
{
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    std::time_t t = 946684800;  // 2000-01-01T00:00:00Z
    if (epoch && *epoch) t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    return buf;
}

// The GDAL settings a write runs under, restored when it ends. SQLite (GeoPackage): no fsync
// per transaction, safe because the file is temporary and only renamed into place once
// complete (it halves the time of writing a million features), and a page cache of 64 MB, or
// 512 MB where a layer of millions may get an R-tree: SQLite builds that tree through the
// cache (ten million points written in 182 s with 512 MB, 331 s with 64), while plain rows do
// not need it (54 s against 60) and 450 MB less at the peak keeps a ten-million-row command
// under 3 GB. Reproducible files: GeoPackages record a "last change" time, so identical runs
// differed only by it; a fixed time unless the user sets OGR_CURRENT_DATE (or SOURCE_DATE_EPOCH).
struct WriteSettings {
    bool own_date = CPLGetConfigOption("OGR_CURRENT_DATE", nullptr) == nullptr;
    explicit WriteSettings(bool large_spatial_index)
    {
        CPLSetThreadLocalConfigOption("OGR_SQLITE_CACHE", large_spatial_index ? "512" : "64");
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
        if (own_date) CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", reproducible_date().c_str());
    }
    ~WriteSettings()
    {
        if (own_date) CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr);
        CPLSetThreadLocalConfigOption("OGR_SQLITE_CACHE", nullptr);
        CPLSetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", nullptr);
    }
    WriteSettings(const WriteSettings&) = delete;
    WriteSettings& operator=(const WriteSettings&) = delete;
};

}  // namespace

struct LayerFileWriter::State {
    fs::path path, tmp;
    Crs crs;
    WriteOptions options;
    std::string driver_name;
    std::vector<fs::path> tmp_members;
    GdalErrorCapture capture;
    std::optional<WriteSettings> settings;  // set before the dataset is made, restored after it is closed
    GDALDatasetUniquePtr ds;
    OGRLayer* out = nullptr;
    std::string layer_name;
    bool multi = false, transactions = false, committed = false;
    size_t written = 0;  // features of the current layer

    ErrorContext where() const { return {.file = path.string(), .layer = layer_name}; }
    void remove_temporaries()
    {
        std::error_code ec;
        ds.reset();
        for (const fs::path& m : tmp_members) fs::remove(m, ec);
        for (const auto& [suffix, text] : options.sidecars) fs::remove(sidecar_path(tmp, suffix), ec);
    }
    void end_layer()
    {
        if (out && transactions && ds->CommitTransaction() != OGRERR_NONE)
            throw Error("cannot commit: " + capture.last_error(), where());
        out = nullptr;
    }
};

LayerFileWriter::LayerFileWriter(const fs::path& path, const Crs& crs, WriteOptions options) : m(std::make_unique<State>())
{
    ensure_gdal_registered();
    m->path = path;
    m->crs = crs;
    m->driver_name = options.driver.empty() ? driver_for(path) : options.driver;
    m->options = std::move(options);
    m->settings.emplace(m->options.spatial_index_limit > 1'000'000);
    const ErrorContext where{.file = path.string()};
    std::error_code ec;
    if (fs::exists(path, ec) && !m->options.overwrite) throw Error("already exists; not overwriting it", where);
    if (const fs::path dir = path.parent_path(); !dir.empty() && !fs::is_directory(dir, ec))
        throw Error("the folder " + dir.string() + " does not exist", where);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(m->driver_name.c_str());
    if (!driver) throw Error("GDAL has no driver '" + m->driver_name + "'", where);
    m->tmp = temporary_sibling(path);
    m->tmp_members = members(m->tmp, m->driver_name);
    m->ds.reset(driver->Create(m->tmp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!m->ds) {
        const std::string why = m->capture.last_error("unknown reason");
        m->remove_temporaries();
        throw Error(explain_write_failure(path, "cannot create: " + why), where);
    }
}

LayerFileWriter::~LayerFileWriter()
{
    if (m && !m->committed) m->remove_temporaries();
}

void LayerFileWriter::begin_layer(const std::string& name, const Layer& schema, bool multi, size_t expected_features)
{
    try {
        m->end_layer();
        if (m->written > 0 && m->driver_name != "GPKG") throw Error("only a GeoPackage holds several layers", {.file = m->path.string()});
        m->layer_name = name;
        m->multi = multi;
        m->written = 0;
        const WriteOptions& options = m->options;
        std::vector<std::string> lco;
        if (m->driver_name == "ESRI Shapefile") lco.push_back("ENCODING=" + (options.encoding.empty() ? "UTF-8" : options.encoding));
        // FlatGeobuf's spatial index re-sorts the features; an export must keep their order.
        if (m->driver_name == "FlatGeobuf") lco.push_back("SPATIAL_INDEX=NO");
        if (m->driver_name == "GPKG" && expected_features > options.spatial_index_limit) lco.push_back("SPATIAL_INDEX=NO");
        lco.insert(lco.end(), options.layer_options.begin(), options.layer_options.end());
        std::vector<const char*> lco_c;
        for (const auto& o : lco) lco_c.push_back(o.c_str());
        lco_c.push_back(nullptr);
        // GDAL 3.6 takes a non-const pointer here but only clones the CRS.
        OGRSpatialReference* srs = const_cast<OGRSpatialReference*>(m->crs.srs.get());
        OGRwkbGeometryType type = ogr_layer_type(schema.geometry);
        if (multi && !OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) type = OGR_GT_GetCollection(type);
        m->out = m->ds->CreateLayer(name.c_str(), srs, type, const_cast<char**>(lco_c.data()));
        if (!m->out) throw Error("cannot create the layer: " + m->capture.last_error(), m->where());
        for (const auto& [key, value] : options.metadata) m->out->SetMetadataItem(key.c_str(), value.c_str());
        create_fields(*m->out, schema, m->where(), m->capture);
        m->transactions = m->ds->TestCapability(ODsCTransactions);
        if (m->transactions) m->ds->StartTransaction();
    } catch (const Error& e) {
        m->remove_temporaries();
        m->committed = true;  // nothing left to remove
        throw Error(explain_write_failure(m->path, e.message()), e.context());
    }
}

void LayerFileWriter::append(const Layer& chunk)
{
    try {
        if (!m->out) throw Error("no layer begun", {.file = m->path.string()});
        for (size_t i = 0; i < chunk.size(); ++i) {
            OGRFeature f(m->out->GetLayerDefn());
            f.SetGeometryDirectly(to_ogr(chunk.geometry, i, m->multi).release());
            set_fields(f, chunk, i);
            if (m->out->CreateFeature(&f) != OGRERR_NONE)
                throw Error("cannot write: " + m->capture.last_error(),
                            {.file = m->path.string(), .layer = m->layer_name, .feature = static_cast<int64_t>(m->written)});
            ++m->written;
            if (m->transactions && m->written % 100000 == 0) {
                m->ds->CommitTransaction();
                m->ds->StartTransaction();
            }
        }
    } catch (const Error& e) {
        m->remove_temporaries();
        m->committed = true;
        throw Error(explain_write_failure(m->path, e.message()), e.context());
    }
}

void LayerFileWriter::write_chunked(const std::string& name, size_t rows, bool multi, const std::function<Layer(size_t, size_t)>& rows_of)
{
    constexpr size_t kChunk = 250'000;
    begin_layer(name, rows_of(0, 0), multi, rows);
    for (size_t begin = 0; begin < rows; begin += kChunk) append(rows_of(begin, std::min(rows, begin + kChunk)));
}

void LayerFileWriter::write(const std::string& name, const Layer& layer)
{
    begin_layer(name, layer, any_multi(layer.geometry), layer.size());
    append(layer);
}

void LayerFileWriter::commit()
{
    State& s = *m;
    const ErrorContext where{.file = s.path.string()};
    try {
        s.end_layer();
        if (!s.options.qml_styles.empty() && s.driver_name == "GPKG")
            write_layer_styles(*s.ds, s.options.qml_styles, CPLGetConfigOption("OGR_CURRENT_DATE", reproducible_date().c_str()), s.path,
                               s.capture);
        s.ds.reset();  // flushes and closes; GDAL 3.6 reports failures through the error handler
        if (s.capture.has_error()) throw Error("cannot finish writing: " + s.capture.last_error(), where);
        if (s.driver_name == "ESRI Shapefile") {
            fs::path dbf = s.tmp;
            fix_dbf_date(dbf.replace_extension(".dbf"), reproducible_date());
            // GBK as the code page number ArcGIS and older Chinese software write ("936"); GDAL
            // and QGIS read it as CP936 too.
            if (s.options.encoding == "CP936" && s.options.write_cpg) {
                fs::path cpg = s.tmp;
                write_file_atomically(cpg.replace_extension(".cpg"), "936");
            }
            if (!s.options.qml_styles.empty()) {
                fs::path qml = s.tmp;
                write_file_atomically(qml.replace_extension(".qml"), s.options.qml_styles.begin()->second);
            }
        }
        for (const auto& [suffix, text] : s.options.sidecars) write_file_atomically(sidecar_path(s.tmp, suffix), text);
    } catch (const Error& e) {
        s.remove_temporaries();
        s.committed = true;
        throw Error(explain_write_failure(s.path, e.message()), e.context());
    }
    std::error_code ec;
    if (!s.options.write_cpg && s.driver_name == "ESRI Shapefile") {
        fs::path cpg = s.tmp;
        fs::remove(cpg.replace_extension(".cpg"), ec);
    }
    const auto final_members = members(s.path, s.driver_name);
    for (size_t i = 0; i < s.tmp_members.size(); ++i)
        if (fs::exists(s.tmp_members[i], ec)) rename_into_place(s.tmp_members[i], final_members[i]);
    for (const auto& [suffix, text] : s.options.sidecars) rename_into_place(sidecar_path(s.tmp, suffix), sidecar_path(s.path, suffix));
    s.committed = true;
}

void write_layers(const std::vector<std::pair<std::string, const Layer*>>& layers, const Crs& crs, const fs::path& path,
                  const WriteOptions& options)
{
    const std::string driver_name = options.driver.empty() ? driver_for(path) : options.driver;
    if (layers.size() > 1 && driver_name != "GPKG") throw Error("only a GeoPackage holds several layers", {.file = path.string()});
    LayerFileWriter writer(path, crs, options);
    for (const auto& [name, layer] : layers) writer.write(name, *layer);
    writer.commit();
}

void write_layer(const Layer& layer, const Crs& crs, const fs::path& path, const WriteOptions& options)
{
    write_layers({{options.layer_name.empty() ? path.stem().string() : options.layer_name, &layer}}, crs, path, options);
}

}  // namespace geo
