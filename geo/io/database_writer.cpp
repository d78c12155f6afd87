#include "geo/io/database_writer.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/gdal_errors.h"
#include "geo/io/ogr_feature.h"

namespace geo {

namespace {

std::string quoted_literal(const std::string& s)
{
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string value_of(const std::string& connection, const std::string& key)
{
    const size_t at = connection.find(key + "=");
    if (at == std::string::npos) return "";
    const size_t end = connection.find(' ', at);
    return connection.substr(at + key.size() + 1, end == std::string::npos ? std::string::npos : end - at - key.size() - 1);
}

}  // namespace

std::string connection_for_messages(const std::string& connection)
{
    std::string out = connection;
    const size_t at = out.find("password=");
    if (at != std::string::npos) {
        const size_t end = out.find(' ', at);
        out.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
    }
    return out;
}

void write_layer_to_database(const Layer& layer, const Crs& crs, const DatabaseWrite& t)
{
    ensure_gdal_registered();
    const std::string shown = connection_for_messages(t.connection);
    const ErrorContext where{.file = shown, .layer = t.schema + "." + t.table};
    GdalErrorCapture capture;
    CPLSetThreadLocalConfigOption("PG_USE_COPY", "YES");
    struct Restore {
        ~Restore() { CPLSetThreadLocalConfigOption("PG_USE_COPY", nullptr); }
    } restore;
    GDALDatasetUniquePtr ds(GDALDataset::Open(t.connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    if (!ds) throw Error("cannot connect: " + capture.last_error("unknown reason"), where);
    if (!t.overwrite) {
        OGRLayer* r = ds->ExecuteSQL(("SELECT 1 FROM pg_tables WHERE schemaname = " + quoted_literal(t.schema) + " AND tablename = " + quoted_literal(t.table)).c_str(),
                                     nullptr, nullptr);
        const bool exists = r && r->GetFeatureCount() > 0;
        if (r) ds->ReleaseResultSet(r);
        if (exists) throw Error("the table already exists; not overwriting it (--overwrite replaces it)", where);
    }
    if (ds->StartTransaction() != OGRERR_NONE) throw Error("cannot start a transaction: " + capture.last_error(), where);
    try {
        std::vector<std::string> lco = {"SCHEMA=" + t.schema, "GEOMETRY_NAME=geom", "SPATIAL_INDEX=GIST", "LAUNDER=NO", "FID=fid"};
        if (t.overwrite) lco.push_back("OVERWRITE=YES");
        std::vector<const char*> lco_c;
        for (const auto& o : lco) lco_c.push_back(o.c_str());
        lco_c.push_back(nullptr);
        const bool multi = any_multi(layer.geometry);
        OGRLayer* out = ds->CreateLayer(t.table.c_str(), const_cast<OGRSpatialReference*>(crs.srs.get()), ogr_layer_type(layer.geometry),
                                        const_cast<char**>(lco_c.data()));
        if (!out) throw Error("cannot create the table: " + capture.last_error(), where);
        create_fields(*out, layer, where, capture);
        for (size_t i = 0; i < layer.size(); ++i) {
            OGRFeature f(out->GetLayerDefn());
            f.SetGeometryDirectly(to_ogr(layer.geometry, i, multi).release());
            set_fields(f, layer, i);
            if (out->CreateFeature(&f) != OGRERR_NONE)
                throw Error("cannot write: " + capture.last_error(), {.file = shown, .layer = t.table, .feature = static_cast<int64_t>(i)});
        }
        if (!t.qml.empty()) {
            // QGIS's own table (as QGIS 3.22 creates it), then this table's default style.
            auto sql = [&](const std::string& q) {
                OGRLayer* r = ds->ExecuteSQL(q.c_str(), nullptr, nullptr);
                if (r) ds->ReleaseResultSet(r);
                if (capture.has_error()) throw Error("cannot store the QGIS style: " + capture.last_error(), where);
            };
            sql("CREATE TABLE IF NOT EXISTS public.layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar, f_table_schema varchar, "
                "f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, useasdefault boolean, "
                "description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)");
            const std::string key = "f_table_catalog = " + quoted_literal(value_of(t.connection, "dbname")) + " AND f_table_schema = " +
                                    quoted_literal(t.schema) + " AND f_table_name = " + quoted_literal(t.table) + " AND f_geometry_column = 'geom'";
            sql("DELETE FROM public.layer_styles WHERE " + key);
            sql("INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, stylename, styleqml, "
                "useasdefault, description) VALUES (" + quoted_literal(value_of(t.connection, "dbname")) + ", " + quoted_literal(t.schema) + ", " +
                quoted_literal(t.table) + ", 'geom', " + quoted_literal(t.table) + ", XMLPARSE(DOCUMENT " + quoted_literal(t.qml) +
                "), true, 'parkcap')");
        }
        if (ds->CommitTransaction() != OGRERR_NONE) throw Error("cannot commit: " + capture.last_error(), where);
    } catch (...) {
        ds->RollbackTransaction();  // nothing partial: the table and its style go together or not at all
        throw;
    }
}

}  // namespace geo
