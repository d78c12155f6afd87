#pragma once
// Helpers shared by the test suites: inline WKT into geometry columns, scratch folders.
#include <filesystem>
#include <string>

#include "geo/core/geometry.h"

namespace test {

// Reads WKT (POINT, LINESTRING, POLYGON and their MULTI forms) into a new feature of `column`.
void add_wkt(geo::GeometryColumn& column, const std::string& wkt);
geo::GeometryColumn from_wkt(geo::GeomKind kind, std::initializer_list<std::string> wkts);

// A fresh, empty folder under the system's temporary folder, removed when the object dies.
struct ScratchDir {
    explicit ScratchDir(const std::string& name);
    ~ScratchDir();
    std::filesystem::path path;
};

std::string data(const std::string& name);      // tests/data/NAME
std::string datasets(const std::string& name);  // datasets/NAME

}  // namespace test
