#include "geo/io/database_query.h"

#include <cstdio>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/database_writer.h"
#include "geo/io/gdal_errors.h"
#include "geo/io/ogr_feature.h"

namespace geo {

namespace {

void close_dataset(GDALDataset* ds) { GDALClose(ds); }

}  // namespace

Database::Database(const std::string& connection) : m_shown(connection_for_messages(connection)), m_ds(nullptr, close_dataset)
{
    ensure_gdal_registered();
    GdalErrorCapture capture;
    m_ds.reset(GDALDataset::Open(connection.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!m_ds) throw Error("cannot connect: " + capture.last_error("unknown reason"), {.file = m_shown});
}

Database::~Database() = default;

void Database::execute(const std::string& sql, const std::string& what)
{
    GdalErrorCapture capture;
    OGRLayer* r = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (r) m_ds->ReleaseResultSet(r);
    if (capture.has_error()) throw Error(what + " failed in the database: " + capture.last_error(), {.file = m_shown});
}

void Database::query(const std::string& sql, const std::string& what, const std::function<void(OGRFeature&)>& row)
{
    GdalErrorCapture capture;
    OGRLayer* r = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!r) throw Error(what + " failed in the database: " + capture.last_error("unknown reason"), {.file = m_shown});
    struct Release {
        GDALDataset* ds;
        OGRLayer* r;
        ~Release() { ds->ReleaseResultSet(r); }
    } release{m_ds.get(), r};
    for (auto& f : *r) row(*f);
    // A connection lost part-way ends the rows early with an error, never a short answer.
    if (capture.has_error()) throw Error(what + " failed in the database: " + capture.last_error(), {.file = m_shown});
}

std::vector<std::string> Database::columns_of(const std::string& sql, std::string& geometry)
{
    GdalErrorCapture capture;
    OGRLayer* r = m_ds->ExecuteSQL(("SELECT * FROM (" + sql + ") parkcap_q LIMIT 0").c_str(), nullptr, nullptr);
    if (!r) throw Error("the query failed: " + capture.last_error("it returned no rows and no layer"), {.file = m_shown, .key = "sql"});
    std::vector<std::string> names = table_fields(*r);
    geometry = r->GetGeometryColumn();
    m_ds->ReleaseResultSet(r);
    return names;
}

OGRLayer& Database::table(const std::string& name)
{
    GdalErrorCapture capture;
    OGRLayer* l = m_ds->GetLayerByName(name.c_str());
    if (!l) throw Error("no table or view named '" + name + "'", {.file = m_shown, .layer = name});
    return *l;
}

void upload_polygons(Database& db, const std::string& name, const GeometryColumn& polygons, int srid)
{
    db.execute("CREATE TEMP TABLE " + sql_identifier(name) + " (idx integer, g geometry)", "creating " + name);
    for (size_t p = 0; p < polygons.size(); ++p)
        db.execute("INSERT INTO " + sql_identifier(name) + " VALUES (" + std::to_string(p) + ", " + sql_geometry(polygons, p, srid) + ")",
                   "loading " + name);
    db.execute("CREATE INDEX ON " + sql_identifier(name) + " USING gist (g); ANALYZE " + sql_identifier(name), "indexing " + name);
}

int table_srid(Database& db, const std::string& name)
{
    OGRLayer& t = db.table(name);
    const std::string geom = t.GetGeometryColumn();
    const ErrorContext where{.file = db.shown(), .layer = name};
    if (geom.empty()) throw Error("the table has no geometry column", where);
    int64_t srid = 0;
    db.query("SELECT ST_SRID(" + sql_identifier(geom) + ") AS srid FROM " + sql_identifier(name) + " WHERE " + sql_identifier(geom) +
                 " IS NOT NULL LIMIT 1",
             "reading the table's SRID", [&](OGRFeature& f) { srid = f.GetFieldAsInteger64(0); });
    if (srid <= 0)
        throw Error("the geometry column '" + geom + "' has SRID 0 (no CRS): set it (UpdateGeometrySRID) so the enterprises can be placed", where);
    return static_cast<int>(srid);
}

DatabaseRelation database_relation(Database& db, const std::string& table, const std::string& query)
{
    DatabaseRelation r;
    if (!table.empty()) {
        r.srid = table_srid(db, table);
        OGRLayer& t = db.table(table);
        r.from = sql_identifier(table);
        r.shown = table;
        r.geometry = t.GetGeometryColumn();
        r.key = t.GetFIDColumn();
        r.fields = table_fields(t);
        return r;
    }
    r.shown = "query";
    const ErrorContext where{.file = db.shown(), .layer = "query", .key = "sql"};
    r.fields = db.columns_of(query, r.geometry);
    if (r.geometry.empty()) throw Error("the query returns no geometry column", where);
    r.key = "parkcap_row";
    r.from = "(SELECT parkcap_q.*, row_number() OVER () AS parkcap_row FROM (" + query + ") parkcap_q)";
    int64_t srid = 0;
    db.query("SELECT ST_SRID(" + sql_identifier(r.geometry) + ") AS srid FROM (" + query + ") parkcap_q WHERE " + sql_identifier(r.geometry) +
                 " IS NOT NULL LIMIT 1",
             "reading the query's SRID", [&](OGRFeature& f) { srid = f.GetFieldAsInteger64(0); });
    if (srid <= 0)
        throw Error("the query's geometry column '" + r.geometry + "' has SRID 0 (no CRS): give it one (ST_SetSRID) so the enterprises can be placed",
                    where);
    r.srid = static_cast<int>(srid);
    return r;
}

int working_srid(const std::string& working_crs)
{
    if (working_crs.rfind("EPSG:", 0) != 0) throw Error("counting in the database needs a working CRS with an EPSG code, not " + working_crs);
    return std::stoi(working_crs.substr(5));
}

std::vector<std::string> table_fields(OGRLayer& table)
{
    std::vector<std::string> names;
    OGRFeatureDefn* defn = table.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) names.push_back(defn->GetFieldDefn(i)->GetNameRef());
    return names;
}

std::string sql_number(double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.17g::float8", v);
    return buf;
}

std::string sql_identifier(const std::string& name)
{
    auto quote = [](const std::string& s) {
        std::string out = "\"";
        for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    const size_t dot = name.find('.');
    return dot == std::string::npos ? quote(name) : quote(name.substr(0, dot)) + "." + quote(name.substr(dot + 1));
}

std::string sql_literal(const std::string& text)
{
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string sql_geometry(const GeometryColumn& g, size_t feature, int srid)
{
    const std::unique_ptr<OGRGeometry> geom = to_ogr(g, feature, false);
    std::vector<unsigned char> wkb(static_cast<size_t>(geom->WkbSize()));
    geom->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    static const char* hex = "0123456789abcdef";
    std::string out = "ST_GeomFromWKB(decode('";
    for (unsigned char b : wkb) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out + "', 'hex'), " + std::to_string(srid) + ")";
}

}  // namespace geo
