#include "geo/io/database_writer.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/gdal_errors.h"

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
        bool multi = false;
        for (size_t i = 0; i < layer.size() && !multi; ++i) multi = layer.geometry.is_multi(i);
        OGRwkbGeometryType type = layer.geometry.kind() == GeomKind::Point ? wkbPoint : layer.geometry.kind() == GeomKind::Line ? wkbLineString : wkbPolygon;
        if (multi) type = OGR_GT_GetCollection(type);
        OGRLayer* out = ds->CreateLayer(t.table.c_str(), const_cast<OGRSpatialReference*>(crs.srs.get()), type, const_cast<char**>(lco_c.data()));
        if (!out) throw Error("cannot create the table: " + capture.last_error(), where);
        for (const Column& c : layer.columns) {
            OGRFieldDefn fd(c.name().c_str(), c.type() == FieldType::Integer ? OFTInteger64 : c.type() == FieldType::Real ? OFTReal : OFTString);
            if (out->CreateField(&fd) != OGRERR_NONE)
                throw Error("cannot create field: " + capture.last_error(), {.file = shown, .layer = t.table, .field = c.name()});
        }
        for (size_t i = 0; i < layer.size(); ++i) {
            OGRFeature f(out->GetLayerDefn());
            // The geometry through WKB of the feature's rings (points directly).
            std::unique_ptr<OGRGeometry> g;
            const GeometryColumn& gc = layer.geometry;
            if (gc.kind() == GeomKind::Point) {
                const Coord c = gc.first_coord(i);
                g = std::make_unique<OGRPoint>(c.x, c.y);
            } else {
                auto parts = std::vector<std::unique_ptr<OGRGeometry>>{};
                for (size_t p = gc.part_begin(i); p < gc.part_begin(i) + gc.part_count(i); ++p) {
                    if (gc.kind() == GeomKind::Line) {
                        auto ls = std::make_unique<OGRLineString>();
                        for (const Coord& c : gc.ring(gc.ring_begin(p))) ls->addPoint(c.x, c.y);
                        parts.push_back(std::move(ls));
                    } else {
                        auto poly = std::make_unique<OGRPolygon>();
                        for (size_t r = gc.ring_begin(p); r < gc.ring_begin(p) + gc.ring_count(p); ++r) {
                            auto ring = std::make_unique<OGRLinearRing>();
                            for (const Coord& c : gc.ring(r)) ring->addPoint(c.x, c.y);
                            poly->addRingDirectly(ring.release());
                        }
                        parts.push_back(std::move(poly));
                    }
                }
                if (multi) {
                    auto coll = std::unique_ptr<OGRGeometryCollection>(gc.kind() == GeomKind::Line ? static_cast<OGRGeometryCollection*>(new OGRMultiLineString)
                                                                                                    : static_cast<OGRGeometryCollection*>(new OGRMultiPolygon));
                    for (auto& part : parts) coll->addGeometryDirectly(part.release());
                    g = std::move(coll);
                } else {
                    g = std::move(parts.front());
                }
            }
            f.SetGeometryDirectly(g.release());
            for (size_t c = 0; c < layer.columns.size(); ++c) {
                const Column& col = layer.columns[c];
                const int fi = static_cast<int>(c);
                if (col.is_null(i)) f.SetFieldNull(fi);
                else if (col.type() == FieldType::Integer) f.SetField(fi, static_cast<GIntBig>(col.integer(i)));
                else if (col.type() == FieldType::Real) f.SetField(fi, col.real(i));
                else f.SetField(fi, std::string(col.string(i)).c_str());
            }
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
