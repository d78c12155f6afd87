#pragma once
// A PostGIS database for the work pushed down to it (counts per park, nearest facilities, hexagon
// sums over a registry of millions that is never loaded): one connection through GDAL's
// PostgreSQL driver, so temporary tables live as long as the object; statements and queries
// with errors that name the connection (without its password) and what was being done.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "geo/core/geometry.h"

class GDALDataset;
class OGRFeature;
class OGRLayer;

namespace geo {

class Database {
public:
    // `connection` is a "PG:..." string; the password comes from it, PGPASSWORD or .pgpass.
    // Throws geo::Error naming the connection when it cannot connect.
    explicit Database(const std::string& connection);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // A statement that returns no rows (CREATE, INSERT, ANALYZE). Throws naming `what`.
    void execute(const std::string& sql, const std::string& what);
    // A query; `row` is called for each result row. Throws naming `what`.
    void query(const std::string& sql, const std::string& what, const std::function<void(OGRFeature&)>& row);
    // The table (or view) by name; throws "no table" naming it.
    OGRLayer& table(const std::string& name);
    // The columns a query returns: its attribute fields, and its geometry column in `geometry`
    // (empty when it has none), as GDAL reads them when the query is a project layer.
    std::vector<std::string> columns_of(const std::string& sql, std::string& geometry);
    const std::string& shown() const { return m_shown; }  // the connection without its password

private:
    std::string m_shown;
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> m_ds;
};

// What the pushed-down SQL reads the enterprises from: a table or view by name, or a project
// layer's query (as a subquery numbering its rows in the order it returns them, the order the
// loader reads them in).
struct DatabaseRelation {
    std::string from;       // for a FROM clause: "schema"."table", or (SELECT ..., row_number() ...)
    std::string shown;      // in messages: the table's name, or "query"
    std::string geometry;   // the geometry column
    std::string key;        // a column identifying each row, ascending in reading order; empty: none
    std::vector<std::string> fields;
    int srid = 0;
};
// Exactly one of `table` and `query` is given. Throws geo::Error naming the table or the query:
// no such table, no geometry column, SRID 0, a query that fails.
DatabaseRelation database_relation(Database& db, const std::string& table, const std::string& query);

// The SRID of a working CRS ("EPSG:4545" -> 4545); throws geo::Error for one without an EPSG code.
int working_srid(const std::string& working_crs);

// The names of a table's attribute fields, in order.
std::vector<std::string> table_fields(OGRLayer& table);

// "schema.table" or "name" as a quoted SQL identifier ("schema"."table").
std::string sql_identifier(const std::string& name);
// A quoted SQL string literal.
std::string sql_literal(const std::string& text);
// A double as SQL that reads back as the same double ("%.17g::float8").
std::string sql_number(double v);
// A temporary table `name` (idx integer, g geometry) of `polygons` in SRID `srid`, exactly as in
// memory, with a GiST index: the parks as loaded and repaired, for the pushed-down work.
void upload_polygons(Database& db, const std::string& name, const GeometryColumn& polygons, int srid);

// The SRID of a table's geometry column (its first non-null geometry's); throws geo::Error
// naming the table when it has no geometry column or its SRID is 0.
int table_srid(Database& db, const std::string& table);

// Feature `feature` of `g` as a PostGIS geometry expression with SRID `srid`, exact (hex WKB).
std::string sql_geometry(const GeometryColumn& g, size_t feature, int srid);

}  // namespace geo
