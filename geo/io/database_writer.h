#pragma once
// Writing a layer into a PostGIS database (a "PG:" connection, GDAL's PostgreSQL driver):
// through COPY, in one transaction with the table's creation, so a failure part-way leaves
// nothing; a GiST spatial index; and, when given, the QGIS style in that database's
// layer_styles table (QGIS's PostgreSQL form: styleqml as xml, useasdefault boolean,
// f_table_catalog = the database), so a colleague opening the table in QGIS sees it styled.
#include <string>

#include "geo/core/layer.h"
#include "geo/io/crs.h"

namespace geo {

struct DatabaseWrite {
    std::string connection;  // "PG:host=... dbname=..." (the password from PGPASSWORD or .pgpass)
    std::string schema = "public";
    std::string table;
    std::string qml;         // the QGIS style; "" for none
    bool overwrite = false;  // replace an existing table (and its default style)
};

// Throws geo::Error naming the connection (without its password) and the table.
void write_layer_to_database(const Layer& layer, const Crs& crs, const DatabaseWrite& target);

// `connection` with any password=... removed, for messages.
std::string connection_for_messages(const std::string& connection);

}  // namespace geo
