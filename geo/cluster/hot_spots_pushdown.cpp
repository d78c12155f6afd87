#include "geo/cluster/hot_spots_pushdown.h"

#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/database_query.h"
#include "geo/project/field_map.h"

namespace geo {

namespace {

// std::round (half away from zero) in SQL; PostgreSQL's round(float8) rounds half to even.
std::string round_sql(const std::string& v) { return "(sign(" + v + ") * floor(abs(" + v + ") + 0.5::float8))"; }

}  // namespace

ClusterAnalysis hot_spots_in_database(const LoadedProject& project, const ProjectLayer& enterprises, const ClusterOptions& o)
{
    const std::string& conn = enterprises.source.path;
    if (conn.rfind("PG:", 0) != 0 || (enterprises.source.layer.empty() && enterprises.source.sql.empty()))
        throw Error("hot spots in the database need the enterprises as a PostGIS table, view or query (a \"PG:\" path and a layer name or \"sql\")",
                    {.key = "layer '" + enterprises.id + "'"});
    const int srid = working_srid(project.working.crs.code());
    Database db(conn);
    const DatabaseRelation rel = database_relation(db, enterprises.source.layer, enterprises.source.sql);
    const ErrorContext where{.file = db.shown(), .layer = rel.shown};
    const std::string& geom = rel.geometry;

    // The selection as SQL, with the fields found as the loader finds them.
    const std::vector<std::string>& names = rel.fields;
    const FieldMap fields = guess_fields(Role::Enterprises, names, enterprises.fields);
    auto field = [&](const std::string& meaning, const char* what) {
        const std::string* f = fields.field_for(meaning);
        if (!f) throw Error("no field is bound to " + meaning + ", needed to filter by " + what + " (set it in the project's \"fields\")", where);
        return sql_identifier(*f);
    };
    const PointFilter& filter = o.selection;
    std::string where_sql = sql_identifier(geom) + " IS NOT NULL AND NOT ST_IsEmpty(" + sql_identifier(geom) + ")";
    if (!filter.cluster.empty()) where_sql += " AND " + field("cluster", "cluster") + "::text = " + sql_literal(filter.cluster);
    if (!filter.tier.empty()) where_sql += " AND " + field("tier", "tier") + "::text = " + sql_literal(filter.tier);
    if (!filter.industry_code.empty())
        where_sql += " AND left(" + field("industry_code", "industry code") + "::text, " + std::to_string(filter.industry_code.size()) +
                     ") = " + sql_literal(filter.industry_code);
    std::string weight = "1::float8";
    if (!filter.weight.empty()) {
        const std::string* bound = fields.field_for(filter.weight);
        const std::string w = bound ? *bound : filter.weight;
        if (std::find(names.begin(), names.end(), w) == names.end()) throw Error("no field or meaning '" + filter.weight + "' to weight by", where);
        weight = sql_identifier(w) + "::float8";
        where_sql += " AND " + sql_identifier(w) + " IS NOT NULL";  // as in memory: a null weight leaves the enterprise out
    }
    const LoadedLayer* parks = project.first(Role::Parks);
    std::string park_test;
    if (!filter.park.empty()) {
        if (!parks) throw Error("the project has no parks layer to filter by park");
        const std::string* pn = parks->fields.field_for("name");
        int64_t index = -1;
        for (size_t p = 0; pn && p < parks->data->size() && index < 0; ++p)
            if (parks->data->column(*pn)->text(p) == filter.park) index = static_cast<int64_t>(p);
        if (index < 0) throw Error("no park named '" + filter.park + "'", {.file = parks->data->source, .layer = parks->data->name});
        upload_polygons(db, "parkcap_parks", parks->data->geometry, srid);
        // The park an enterprise first lies in, as the in-memory filter decides.
        park_test = " WHERE (SELECT idx FROM parkcap_parks p WHERE ST_Intersects(p.g, s.g) ORDER BY idx LIMIT 1) = " + std::to_string(index);
    }
    const std::string selected = "(SELECT g, w FROM (SELECT ST_Transform(ST_GeometryN(" + sql_identifier(geom) + ", 1), " + std::to_string(srid) +
                                 ") AS g, " + weight + " AS w FROM " + rel.from + " r WHERE " + where_sql + ") s" + park_test + ") sel";

    // The grid: over the study area, or the selected points' own rectangle.
    ClusterAnalysis a;
    Envelope extent;
    int64_t selected_count = 0;
    db.query("SELECT count(*) AS n, min(ST_X(g)) AS x0, min(ST_Y(g)) AS y0, max(ST_X(g)) AS x1, max(ST_Y(g)) AS y1 FROM " + selected,
             "the selection's extent", [&](OGRFeature& f) {
                 selected_count = f.GetFieldAsInteger64("n");
                 if (selected_count > 0) {
                     extent.expand(f.GetFieldAsDouble("x0"), f.GetFieldAsDouble("y0"));
                     extent.expand(f.GetFieldAsDouble("x1"), f.GetFieldAsDouble("y1"));
                 }
             });
    if (selected_count == 0) throw Error("the selection is empty: no enterprise matches the filters", where);
    a.selection.weight_field = filter.weight;
    a.grid = study_grid(project, o, extent, a.study_area);
    const CellGrid& g = a.grid;

    // Each point's cell, as CellGrid::cell_of computes it, then counts and sums per cell.
    std::string cells;
    const std::string px = "(ST_X(g) - " + sql_number(g.origin.x) + ")", py = "(ST_Y(g) - " + sql_number(g.origin.y) + ")";
    if (g.shape == CellShape::Square) {
        cells = "SELECT floor(" + px + " / " + sql_number(g.cell_m) + " + 0.5::float8)::bigint AS col, floor(" + py + " / " + sql_number(g.cell_m) +
                " + 0.5::float8)::bigint AS row, w FROM " + selected;
    } else {
        const std::string radius = sql_number(g.cell_m / 1.7320508075688772);
        const std::string axial = "SELECT (1.7320508075688772::float8 / 3::float8 * " + px + " - " + py + " / 3::float8) / " + radius +
                                  " AS x, (2::float8 / 3::float8 * " + py + ") / " + radius + " AS z, w FROM " + selected;
        const std::string rounded = "SELECT x, z, -x - z AS y, " + round_sql("x") + " AS rx, " + round_sql("(-x - z)") + " AS ry, " + round_sql("z") +
                                    " AS rz, w FROM (" + axial + ") a";
        const std::string biggest_x = "abs(rx - x) > abs(ry - y) AND abs(rx - x) > abs(rz - z)";
        const std::string cube = "SELECT CASE WHEN " + biggest_x + " THEN -ry - rz ELSE rx END AS fx, CASE WHEN " + biggest_x +
                                 " THEN rz WHEN abs(ry - y) > abs(rz - z) THEN rz ELSE -rx - ry END AS fz, w FROM (" + rounded + ") r";
        cells = "SELECT fz::bigint AS row, fx::bigint + (fz::bigint - (fz::bigint & 1)) / 2 AS col, w FROM (" + cube + ") c";
    }
    int64_t in_grid = 0;
    db.query("SELECT row, col, count(*) AS n, sum(w) AS s FROM (" + cells + ") k GROUP BY 1, 2", "the hexagon counts", [&](OGRFeature& f) {
        const int64_t row = f.GetFieldAsInteger64("row"), col = f.GetFieldAsInteger64("col"), n = f.GetFieldAsInteger64("n");
        if (row < 0 || col < 0 || row >= static_cast<int64_t>(g.rows) || col >= static_cast<int64_t>(g.cols)) return;
        const size_t cell = static_cast<size_t>(row) * g.cols + static_cast<size_t>(col);
        a.grid.count[cell] += n;
        a.grid.sum[cell] += f.GetFieldAsDouble("s");
        if (a.grid.studied(cell)) in_grid += n;
    });
    a.points_in_study = static_cast<size_t>(in_grid);
    a.points_outside_study = static_cast<size_t>(selected_count - in_grid);
    a.hot = getis_ord_gi_star(a.grid, filter.weight.empty() ? std::vector<double>(a.grid.count.begin(), a.grid.count.end()) : a.grid.sum);
    return a;
}

}  // namespace geo
