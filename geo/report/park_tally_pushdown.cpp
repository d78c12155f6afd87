#include "geo/report/park_tally_pushdown.h"


#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/database_query.h"
#include "geo/io/database_writer.h"
#include "geo/io/gdal_errors.h"
#include "geo/project/field_map.h"

namespace geo {


std::optional<ParkTally> park_tally_in_database(const LoadedLayer& parks, const ProjectLayer& enterprises, const std::string& working_crs)
{
    const std::string& conn = enterprises.source.path;
    if (conn.rfind("PG:", 0) != 0 || (enterprises.source.layer.empty() && enterprises.source.sql.empty())) return std::nullopt;
    Database db(conn);
    const DatabaseRelation rel = database_relation(db, enterprises.source.layer, enterprises.source.sql);
    const ErrorContext where{.file = db.shown(), .layer = rel.shown};
    const int srid = rel.srid;
    const std::string& egeom = rel.geometry;
    const std::string& efid = rel.key;
    if (efid.empty()) throw Error("the table needs a primary key to be counted in the database", where);
    // The parks as loaded (repaired, in the working CRS), moved into the enterprises' SRID so
    // that the enterprises' own spatial index does the work.
    upload_polygons(db, "parkcap_parks", parks.data->geometry, working_srid(working_crs));
    // The employees field, found as the loader finds it (the project's binding first).
    const FieldMap fields = guess_fields(Role::Enterprises, rel.fields, enterprises.fields);
    const std::string* employees = fields.field_for("employees");
    const std::string jobs = employees ? "e." + sql_identifier(*employees) + "::float8" : "0::float8";
    const std::string q = "WITH p AS (SELECT idx, ST_Transform(g, " + std::to_string(srid) + ") AS g FROM parkcap_parks), "
                          "hit AS (SELECT e." + sql_identifier(efid) + " AS efid, " + jobs + " AS jobs, min(p.idx) AS park, count(p.idx) AS n FROM " +
                          rel.from + " e LEFT JOIN p ON ST_Intersects(e." + sql_identifier(egeom) + ", p.g) WHERE e." +
                          sql_identifier(egeom) + " IS NOT NULL GROUP BY 1, 2) "
                          "SELECT coalesce(park, -1) AS park, count(*) AS n, coalesce(sum(jobs), 0) AS jobs, "
                          "sum(CASE WHEN n > 1 THEN 1 ELSE 0 END) AS several FROM hit GROUP BY 1";
    ParkTally t;
    t.method = "by PostGIS";
    t.count.assign(parks.data->size(), 0);
    if (employees) t.jobs.assign(parks.data->size(), 0.0);
    db.query(q, "the count per park", [&](OGRFeature& f) {
        const int64_t park = f.GetFieldAsInteger64("park");
        const int64_t n = f.GetFieldAsInteger64("n");
        const double j = f.GetFieldAsDouble("jobs");
        t.in_several += f.GetFieldAsInteger64("several");
        if (park < 0 || park >= static_cast<int64_t>(parks.data->size())) {
            t.outside += n;
            t.jobs_outside += j;
        } else {
            t.count[static_cast<size_t>(park)] = n;
            if (employees) t.jobs[static_cast<size_t>(park)] = j;
        }
    });
    return t;
}

int64_t database_rows(const ProjectLayer& layer)
{
    if (layer.source.path.rfind("PG:", 0) != 0) return -1;
    if (layer.source.layer.empty()) {  // a query: counted by the server
        if (layer.source.sql.empty()) return -1;
        int64_t n = -1;
        Database db(layer.source.path);
        std::string geometry;
        db.columns_of(layer.source.sql, geometry);  // a query that fails is named as the loader names it
        db.query("SELECT count(*) AS n FROM (" + layer.source.sql + ") parkcap_q", "counting the query's rows",
                 [&](OGRFeature& f) { n = f.GetFieldAsInteger64(0); });
        return n;
    }
    ensure_gdal_registered();
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(layer.source.path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds) return -1;
    OGRLayer* l = ds->GetLayerByName(layer.source.layer.c_str());
    return l ? static_cast<int64_t>(l->GetFeatureCount(TRUE)) : -1;
}

}  // namespace geo
