#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "geo/capacity/capacity_tables.h"
#include "geo/project/data_dir.h"
#include "test_support.h"

namespace fs = std::filesystem;

TEST_CASE("data paths: the project's own folder first, then PARKCAP_DATA_DIR, then the installed or source copy")
{
    test::ScratchDir dir("data_dir");
    geo::Project p;
    p.file = dir.path / "site" / "plan.parkcap.json";
    fs::create_directories(p.file.parent_path());
    fs::create_directories(dir.path / "mine" / "standards");
    // Nothing beside the project: PARKCAP_DATA_DIR's standards.
    ::setenv("PARKCAP_DATA_DIR", (dir.path / "mine").c_str(), 1);
    CHECK(geo::standards_folder(p) == dir.path / "mine" / "standards");
    CHECK(geo::data_dirs().front() == dir.path / "mine");
    // A standards folder beside the project wins.
    fs::create_directories(p.file.parent_path() / "standards");
    CHECK(geo::standards_folder(p) == p.file.parent_path() / "standards");
    // One the project names wins over both, even when it is missing (the error names it).
    p.extra["analysis"]["capacity"]["standards_dir"] = "tables";
    CHECK(geo::standards_folder(p) == p.file.parent_path() / "tables");
    ::unsetenv("PARKCAP_DATA_DIR");
    // Without the variable, parkcap's own copy (here the source tree's datasets) has the demo.
    const auto demo = geo::find_data("chongqing-demo/chongqing-demo.parkcap.json");
    REQUIRE(demo.has_value());
    CHECK(fs::exists(*demo));
}
