#include "geo/coverage/coverage_pushdown.h"

#include <algorithm>
#include <map>

#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/database_query.h"
#include "geo/project/field_map.h"

namespace geo {

namespace {

// One row of the database's answer: a (park, cluster, tier) group.
struct Group {
    int64_t park = -1, first = 0, n = 0;
    std::string cluster, tier;
    double jobs = 0;
    std::vector<int64_t> covered;      // per type and radius
    std::vector<double> jobs_covered;  // per type and radius
};

// Rows by group names (in `names` order) from the database's groups, keyed by `key`.
template <class Key>
std::vector<CoverageRow> rows_of(const std::vector<Group>& groups, const std::vector<std::string>& names, Key key,
                                 const std::vector<FacilityType>& types)
{
    std::vector<CoverageRow> rows;
    for (const std::string& name : names)
        for (const FacilityType& t : types)
            for (double r : t.radii_m) rows.push_back({name, t.code, r, 0, 0, 0, 0});
    size_t per_group = 0;
    for (const FacilityType& t : types) per_group += t.radii_m.size();
    for (const Group& g : groups) {
        const size_t at = key(g);
        if (at >= names.size()) continue;
        for (size_t k = 0; k < per_group; ++k) {
            CoverageRow& row = rows[at * per_group + k];
            row.enterprises += g.n;
            row.employees += g.jobs;
            row.covered += g.covered[k];
            row.employees_covered += g.jobs_covered[k];
        }
    }
    return rows;
}

// The names of a category in the order the in-memory grouping meets them: by the first
// enterprise (lowest feature id) that has each; "(none)" for empty.
std::vector<std::string> category_names(const std::vector<Group>& groups, std::string Group::*field)
{
    std::map<std::string, int64_t> first;
    for (const Group& g : groups) {
        const std::string v = (g.*field).empty() ? "(none)" : g.*field;
        auto [it, added] = first.try_emplace(v, g.first);
        if (!added) it->second = std::min(it->second, g.first);
    }
    std::vector<std::pair<int64_t, std::string>> order;
    for (const auto& [v, f] : first) order.emplace_back(f, v);
    std::sort(order.begin(), order.end());
    std::vector<std::string> names;
    for (const auto& [f, v] : order) names.push_back(v);
    return names;
}

}  // namespace

CoverageTotals coverage_in_database(const ProjectLayer& enterprises, const CoveragePushdown& in)
{
    const std::string& conn = enterprises.source.path;
    if (conn.rfind("PG:", 0) != 0 || (enterprises.source.layer.empty() && enterprises.source.sql.empty()))
        throw Error("counting coverage in the database needs the enterprises as a PostGIS table, view or query (a \"PG:\" path and a layer name or \"sql\")",
                    {.key = "layer '" + enterprises.id + "'"});
    const int srid = working_srid(in.working_crs);
    Database db(conn);
    const DatabaseRelation rel = database_relation(db, enterprises.source.layer, enterprises.source.sql);
    const ErrorContext where{.file = db.shown(), .layer = rel.shown};
    const std::string& geom = rel.geometry;
    const std::string& fid = rel.key;
    if (fid.empty()) throw Error("the table has no primary key to order the enterprises by", where);

    // The fields, found as the loader finds them (the project's bindings first).
    const FieldMap fields = guess_fields(Role::Enterprises, rel.fields, enterprises.fields);
    const std::string* employees = fields.field_for("employees");
    const std::string* cluster = fields.field_for("cluster");
    const std::string* tier = fields.field_for("tier");
    auto text_of = [](const std::string* f) { return f ? "coalesce(" + sql_identifier(*f) + "::text, '')" : std::string("''"); };

    CoverageTotals out;
    // The facilities and the parks, as loaded, in temporary tables with their index.
    const auto by_type = facilities_by_type(*in.facility_type, in.types, &out.warnings);
    db.execute("CREATE TEMP TABLE parkcap_facilities (t integer, g geometry(Point, " + std::to_string(srid) + "))", "creating the facilities table");
    std::string values;
    for (size_t t = 0; t < by_type.size(); ++t)
        for (uint32_t i : by_type[t]) {
            const Coord c = in.facilities->geometry.first_coord(i);
            values += std::string(values.empty() ? "" : ", ") + "(" + std::to_string(t) + ", ST_SetSRID(ST_MakePoint(" + sql_number(c.x) + ", " +
                      sql_number(c.y) + "), " + std::to_string(srid) + "))";
        }
    if (!values.empty()) db.execute("INSERT INTO parkcap_facilities VALUES " + values, "loading the facilities");
    db.execute("CREATE INDEX ON parkcap_facilities USING gist (g); ANALYZE parkcap_facilities", "indexing the facilities");
    const size_t park_count = in.parks ? in.parks->data->size() : 0;
    upload_polygons(db, "parkcap_parks", in.parks ? in.parks->data->geometry : GeometryColumn(GeomKind::Polygon), srid);

    // One pass over the enterprises: park, nearest facility of each type, sums by group.
    std::string select = "SELECT coalesce(p.idx, -1) AS park, e.cl, e.ti, min(e.fid) AS first, count(*) AS n, sum(e.jobs) AS jobs";
    std::string joins;
    size_t k = 0;
    for (size_t t = 0; t < in.types.size(); ++t) {
        const std::string n = "n" + std::to_string(t);
        joins += " LEFT JOIN LATERAL (SELECT ST_Distance(f.g, e.g) AS d FROM parkcap_facilities f WHERE f.t = " + std::to_string(t) +
                 " ORDER BY f.g <-> e.g LIMIT 1) " + n + " ON true";
        for (double r : in.types[t].radii_m) {
            const std::string within = "CASE WHEN " + n + ".d <= " + sql_number(r);
            select += ", sum(" + within + " THEN 1 ELSE 0 END) AS c" + std::to_string(k) + ", sum(" + within + " THEN e.jobs ELSE 0 END) AS j" +
                      std::to_string(k);
            ++k;
        }
    }
    const std::string sql = select + " FROM (SELECT " + sql_identifier(fid) + " AS fid, ST_Transform(ST_GeometryN(" + sql_identifier(geom) + ", 1), " +
                            std::to_string(srid) + ") AS g, " + (employees ? "coalesce(" + sql_identifier(*employees) + "::float8, 0)" : "0::float8") +
                            " AS jobs, " + text_of(cluster) + " AS cl, " + text_of(tier) + " AS ti FROM " + rel.from + " r WHERE " +
                            sql_identifier(geom) + " IS NOT NULL AND NOT ST_IsEmpty(" + sql_identifier(geom) + ")) e" +
                            " LEFT JOIN LATERAL (SELECT idx FROM parkcap_parks WHERE ST_Intersects(parkcap_parks.g, e.g) ORDER BY idx LIMIT 1) p ON true" +
                            joins + " GROUP BY 1, 2, 3";
    std::vector<Group> groups;
    db.query(sql, "the coverage count", [&](OGRFeature& f) {
        Group g;
        g.park = f.GetFieldAsInteger64("park");
        g.cluster = f.GetFieldAsString("cl");
        g.tier = f.GetFieldAsString("ti");
        g.first = f.GetFieldAsInteger64("first");
        g.n = f.GetFieldAsInteger64("n");
        g.jobs = f.GetFieldAsDouble("jobs");
        for (size_t i = 0; i < k; ++i) {
            g.covered.push_back(f.GetFieldAsInteger64(("c" + std::to_string(i)).c_str()));
            g.jobs_covered.push_back(f.GetFieldAsDouble(("j" + std::to_string(i)).c_str()));
        }
        out.enterprises += g.n;
        groups.push_back(std::move(g));
    });

    if (in.parks)
        out.parks = rows_of(groups, in.park_names, [&](const Group& g) { return g.park < 0 ? park_count : static_cast<size_t>(g.park); }, in.types);
    auto by_category = [&](const std::string* field, std::string Group::*member) {
        if (!field) return std::vector<CoverageRow>{};
        const std::vector<std::string> cat = category_names(groups, member);
        std::map<std::string, size_t> index;
        for (size_t i = 0; i < cat.size(); ++i) index[cat[i]] = i;
        return rows_of(groups, cat, [&](const Group& g) { return index.at((g.*member).empty() ? "(none)" : g.*member); }, in.types);
    };
    out.clusters = by_category(cluster, &Group::cluster);
    out.tiers = by_category(tier, &Group::tier);
    return out;
}

}  // namespace geo
