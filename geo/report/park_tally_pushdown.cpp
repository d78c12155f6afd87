#include "geo/report/park_tally_pushdown.h"

#include <map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/database_query.h"
#include "geo/io/database_writer.h"
#include "geo/io/gdal_errors.h"
#include "geo/project/field_map.h"

namespace geo {


std::optional<ParkTally> park_tally_in_database(const LoadedLayer& parks, const ProjectLayer& enterprises)
{
    const std::string& conn = parks.config.source.path;
    if (conn.rfind("PG:", 0) != 0 || enterprises.source.path != conn || parks.config.source.layer.empty() || enterprises.source.layer.empty())
        return std::nullopt;
    ensure_gdal_registered();
    const ErrorContext where{.file = connection_for_messages(conn), .layer = enterprises.source.layer};
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(conn.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds) throw Error("cannot connect: " + capture.last_error("unknown reason"), where);
    OGRLayer* pl = ds->GetLayerByName(parks.config.source.layer.c_str());
    OGRLayer* el = ds->GetLayerByName(enterprises.source.layer.c_str());
    if (!pl || !el) throw Error("no such table", where);
    const std::string pgeom = pl->GetGeometryColumn(), egeom = el->GetGeometryColumn();
    const std::string pfid = pl->GetFIDColumn(), efid = el->GetFIDColumn();
    if (pgeom.empty() || egeom.empty() || pfid.empty() || efid.empty())
        throw Error("the tables need a geometry column and a primary key to be counted in the database", where);
    // The employees field, found as the loader finds it (the project's binding first).
    std::vector<std::string> names;
    OGRFeatureDefn* defn = el->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) names.push_back(defn->GetFieldDefn(i)->GetNameRef());
    const FieldMap fields = guess_fields(Role::Enterprises, names, enterprises.fields);
    const std::string* employees = fields.field_for("employees");
    const std::string jobs = employees ? "e." + sql_identifier(*employees) + "::float8" : "0::float8";
    const std::string q = "WITH p AS (SELECT " + sql_identifier(pfid) + " AS pfid, " + sql_identifier(pgeom) + " AS g FROM " + sql_identifier(parks.config.source.layer) +
                          "), hit AS (SELECT e." + sql_identifier(efid) + " AS efid, " + jobs + " AS jobs, min(p.pfid) AS pfid, count(p.pfid) AS n FROM " +
                          sql_identifier(enterprises.source.layer) + " e LEFT JOIN p ON ST_Intersects(e." + sql_identifier(egeom) +
                          ", ST_Transform(p.g, ST_SRID(e." + sql_identifier(egeom) + "))) GROUP BY 1, 2) "
                          "SELECT coalesce(pfid, -1) AS pfid, count(*) AS n, coalesce(sum(jobs), 0) AS jobs, "
                          "sum(CASE WHEN n > 1 THEN 1 ELSE 0 END) AS several FROM hit GROUP BY 1";
    OGRLayer* r = ds->ExecuteSQL(q.c_str(), nullptr, nullptr);
    if (!r) throw Error("the count in the database failed: " + capture.last_error("unknown reason"), where);
    std::map<int64_t, size_t> index;  // park fid -> its place in the loaded layer
    for (size_t i = 0; i < parks.data->fids.size(); ++i) index[parks.data->fids[i]] = i;
    ParkTally t;
    t.method = "by PostGIS";
    t.count.assign(parks.data->size(), 0);
    if (employees) t.jobs.assign(parks.data->size(), 0.0);
    for (auto& f : *r) {
        const int64_t park = f->GetFieldAsInteger64("pfid");
        const int64_t n = f->GetFieldAsInteger64("n");
        const double j = f->GetFieldAsDouble("jobs");
        t.in_several += f->GetFieldAsInteger64("several");
        if (park < 0 || !index.count(park)) {
            t.outside += n;
            t.jobs_outside += j;
        } else {
            t.count[index[park]] = n;
            if (employees) t.jobs[index[park]] = j;
        }
    }
    ds->ReleaseResultSet(r);
    return t;
}

int64_t database_rows(const ProjectLayer& layer)
{
    if (layer.source.path.rfind("PG:", 0) != 0 || layer.source.layer.empty()) return -1;
    ensure_gdal_registered();
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(layer.source.path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds) return -1;
    OGRLayer* l = ds->GetLayerByName(layer.source.layer.c_str());
    return l ? static_cast<int64_t>(l->GetFeatureCount(TRUE)) : -1;
}

}  // namespace geo
