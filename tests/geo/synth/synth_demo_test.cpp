#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "geo/core/error.h"
#include "geo/overlay/zone_assignment.h"
#include "geo/project/loaded_project.h"
#include "geo/synth/synth_demo.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

std::string bytes_of(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("synth is deterministic and its project loads through every reading path")
{
    test::ScratchDir a("synth_a"), b("synth_b");
    geo::SynthOptions options;
    options.enterprises = 3000;
    options.folder = a.path;
    const auto summary = geo::synthesize_demo(options);
    options.folder = b.path;
    geo::synthesize_demo(options);
    for (const std::string& f : summary.files) {
        CAPTURE(f);
        CHECK(bytes_of(a.path / f) == bytes_of(b.path / f));
    }
    CHECK_FALSE(fs::exists(a.path / "constraints.cpg"));  // GBK without .cpg, on purpose

    const geo::LoadedProject p = geo::load_project(geo::read_project(summary.project_file));
    const auto* firms = p.first(geo::Role::Enterprises);
    const auto* parks = p.first(geo::Role::Parks);
    REQUIRE(firms);
    REQUIRE(parks);
    CHECK(firms->data->size() == 3000);
    CHECK(parks->data->size() == 15);
    for (const char* meaning : {"name", "industry_code", "cluster", "tier", "employees", "floor_area", "land_area", "output_value", "tax"})
        CHECK(firms->fields.field_for(meaning));
    const auto* constraints = p.first(geo::Role::Constraints);
    REQUIRE(constraints);
    CHECK(constraints->data->column("类型")->string(0) == "生态保护红线");
    const auto* facilities = p.first(geo::Role::Facilities);
    REQUIRE(facilities);
    CHECK(facilities->data->coordinate_system == "gcj02");
    CHECK(facilities->data->report.skipped.empty());

    // Most enterprises are in parks, some are not.
    const auto assignment = geo::assign_to_zones(firms->data->geometry, parks->data->geometry);
    CHECK(assignment.outside > 100);
    CHECK(assignment.outside < 900);
    // Every facility (in GCJ-02 in the file) lands within 1.6 radii of its park after conversion.
    const auto fac = geo::assign_to_zones(facilities->data->geometry, parks->data->geometry);
    CHECK(fac.outside < static_cast<int64_t>(facilities->data->size()) / 4);

    // A second run into the same folder refuses to overwrite without being told.
    options.folder = a.path;
    CHECK_THROWS_WITH_AS(geo::synthesize_demo(options), doctest::Contains("--overwrite"), geo::Error);
}
