#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "geo/core/error.h"
#include "geo/core/geometry.h"
#include "geo/project/loaded_project.h"
#include "test_support.h"

namespace {

// Chongqing-like feature centres: most in the main city (about 106.5E), a few in Wanzhou
// (108.4E), as the demo's parks are.
std::vector<geo::Coord> chongqing()
{
    std::vector<geo::Coord> c;
    for (int i = 0; i < 40; ++i) c.push_back({106.3 + 0.01 * i, 29.5 + 0.005 * i});
    for (int i = 0; i < 5; ++i) c.push_back({108.3 + 0.02 * i, 30.8});
    return c;
}

}  // namespace

TEST_CASE("working CRS: the centre of the data's span, whatever a few broken or stray coordinates say")
{
    const geo::WorkingCrsChoice clean = geo::choose_working_crs("auto", chongqing());
    // Span 106.3-108.38: its middle, 107.3E, is in the 108E zone; the median (106.5) would
    // have chosen 105E and stretched the Wanzhou parks.
    CHECK(clean.crs.code() == "EPSG:4545");

    std::vector<geo::Coord> dirty = chongqing();
    const double inf = std::numeric_limits<double>::infinity();
    dirty.push_back({0, 0});                          // a valid but stray point
    dirty.push_back({1e308, 29.5});                   // not a longitude
    dirty.push_back({inf, inf});
    dirty.push_back({std::nan(""), 29.5});
    const geo::WorkingCrsChoice robust = geo::choose_working_crs("auto", dirty);
    CHECK(robust.crs.code() == "EPSG:4545");
    CHECK(robust.reason.find("leaving out 1 more than 10 degrees") != std::string::npos);

    CHECK(geo::choose_working_crs("EPSG:4546", dirty).reason == "set in the project");
    CHECK_THROWS_WITH_AS(geo::choose_working_crs("auto", {{inf, 1}, {0, 1e300}}),
                         doctest::Contains("no feature has usable coordinates"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::choose_working_crs("EPSG:4326", {}), doctest::Contains("must be projected"), geo::Error);
}

TEST_CASE("working CRS: a stray park at (0, 0) does not change how the others measure, saving pins the choice")
{
    test::ScratchDir dir("working_crs");
    // Squares of 0.01 degrees at five Chongqing places, and one at (0, 0).
    std::string features;
    const double places[][2] = {{106.50, 29.50}, {106.40, 29.60}, {106.60, 29.45}, {107.20, 29.70}, {108.35, 30.80}, {0.0, 0.0}};
    for (const auto& c : places) {
        char buf[320];
        std::snprintf(buf, sizeof buf,
                      "%s{\"type\":\"Feature\",\"properties\":{\"name\":\"p\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                      "[[[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f],[%.2f,%.2f]]]}}",
                      features.empty() ? "" : ",", c[0], c[1], c[0] + 0.01, c[1], c[0] + 0.01, c[1] + 0.01, c[0], c[1] + 0.01, c[0], c[1]);
        features += buf;
    }
    const auto path = dir.path / "parks.geojson";
    {
        std::ofstream out(path);
        out << "{\"type\":\"FeatureCollection\",\"features\":[" << features << "]}";
    }
    geo::Project p;
    p.file = dir.path / "p.parkcap.json";
    geo::ProjectLayer l;
    l.id = "parks";
    l.role = geo::Role::Parks;
    l.path = "parks.geojson";
    l.source.path = path.string();
    p.layers.push_back(l);
    const geo::LoadedProject loaded = geo::load_project(p);
    CHECK(loaded.working.crs.code() == "EPSG:4545");
    // 0.01 x 0.01 degrees at 29.5N: 0.9689 km x 1.1085 km on the ellipsoid, 1.0740 km²; the
    // 108E zone is 1.5 degrees away, so within 0.1%. (The old rule chose UTM 39N: +11%.)
    const double area = geo::polygon_area(loaded.first(geo::Role::Parks)->data->geometry, 0) / 1e6;
    CHECK(area == doctest::Approx(1.0740).epsilon(0.001));
    const auto& warnings = loaded.first(geo::Role::Parks)->data->report.warnings;
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("far outside the zone") != std::string::npos);
    CHECK(warnings[0].find("fid 5") != std::string::npos);

    // The map opens on the five Chongqing parks, not on a box reaching (0, 0).
    const geo::Envelope view = geo::view_extent(loaded);
    CHECK(view.max_x - view.min_x < 300'000);
    CHECK(view.max_y - view.min_y < 300'000);

    CHECK(geo::project_for_saving(loaded).working_crs == "EPSG:4545");
    geo::LoadedProject fixed = loaded;
    fixed.project.working_crs = "EPSG:4546";
    CHECK(geo::project_for_saving(fixed).working_crs == "EPSG:4546");
}
