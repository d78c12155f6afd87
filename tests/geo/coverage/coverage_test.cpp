#include <doctest/doctest.h>

#include <cmath>

#include "geo/core/error.h"
#include "geo/coverage/straight_coverage.h"
#include "geo/io/csv_text.h"
#include "geo/synth/random.h"
#include "test_support.h"

namespace {

std::vector<geo::FacilityType> radii(const std::string& csv)
{
    return geo::parse_service_radii(geo::parse_csv(csv, "radii.csv"), "radii.csv");
}

geo::Layer facility_layer(const std::vector<std::pair<geo::Coord, std::string>>& items)
{
    geo::Layer l;
    l.geometry = geo::GeometryColumn(geo::GeomKind::Point);
    l.columns = {geo::Column("类型", geo::FieldType::String)};
    for (size_t i = 0; i < items.size(); ++i) {
        l.geometry.add_point(items[i].first);
        l.fids.push_back(static_cast<int64_t>(100 + i));
        items[i].second.empty() ? l.columns[0].push_null() : l.columns[0].push_string(items[i].second);
    }
    return l;
}

}  // namespace

TEST_CASE("the service-radius table: several radii per type, both names, clear errors")
{
    const auto types = geo::read_service_radii(test::datasets("standards/facility_service_radii.csv"));
    REQUIRE(types.size() == 6);
    CHECK(geo::find_facility_type(types, "公交站点")->code == "bus_stop");
    CHECK(geo::find_facility_type(types, "dormitory")->radii_m == std::vector<double>{1000});
    const auto two = radii("facility_type,facility_type_zh,service_radius_m\nbus_stop,公交站点,500\nbus_stop,公交站点,300\n");
    REQUIRE(two.size() == 1);
    CHECK(two[0].radii_m == std::vector<double>{300, 500});
    CHECK_THROWS_WITH_AS(radii("facility_type,service_radius_m\nclinic,-5\n"), doctest::Contains("radii.csv: line 2: service_radius_m must be a positive"), geo::Error);
    CHECK_THROWS_WITH_AS(radii("type,radius\nclinic,5\n"), doctest::Contains("no column 'facility_type'"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::parse_csv("a,\"b\n", "x.csv"), doctest::Contains("x.csv: a quote opened on line 1 is never closed"), geo::Error);
}

TEST_CASE("nearest facility of each type equals brute force")
{
    geo::Random rng(5);
    std::vector<std::pair<geo::Coord, std::string>> items;
    for (int i = 0; i < 300; ++i) items.push_back({{rng.uniform(0, 10000), rng.uniform(0, 10000)}, i % 3 ? "公交站点" : "clinic"});
    const geo::Layer fac = facility_layer(items);
    geo::GeometryColumn firms(geo::GeomKind::Point);
    for (int i = 0; i < 2000; ++i) firms.add_point({rng.uniform(-1000, 11000), rng.uniform(-1000, 11000)});
    const auto types = radii("facility_type,facility_type_zh,service_radius_m\nbus_stop,公交站点,500\nclinic,卫生服务站,1000\n");
    const geo::CoverageResult r = geo::straight_line_coverage(firms, fac, fac.columns[0], types);
    REQUIRE(r.types.size() == 2);
    CHECK(r.types[0].facilities == 200);
    for (size_t e = 0; e < firms.size(); e += 3)
        for (size_t t = 0; t < 2; ++t) {
            double best = INFINITY;
            int64_t fid = -1;
            for (size_t f = 0; f < items.size(); ++f) {
                if ((items[f].second == "clinic") != (t == 1)) continue;
                const double d = std::hypot(items[f].first.x - firms.first_coord(e).x, items[f].first.y - firms.first_coord(e).y);
                if (d < best) {
                    best = d;
                    fid = static_cast<int64_t>(100 + f);
                }
            }
            REQUIRE(r.types[t].distance[e] == doctest::Approx(best));
            CHECK(r.types[t].nearest[e] == fid);
        }
}

TEST_CASE("coverage totals against hand counts, an unknown type is named and left out")
{
    // Bus stops at the origin and at (2000, 0); a clinic at (0, 1000); a parking lot (no radius).
    const geo::Layer fac = facility_layer({{{0, 0}, "bus_stop"}, {{2000, 0}, "公交站点"}, {{0, 1000}, "clinic"}, {{5, 5}, "停车场"}, {{9, 9}, ""}});
    // Enterprises: A (100, 0) 10 jobs, B (1000, 0) 20 jobs, C (2400, 0) 30 jobs; A and B in park 0, C in park 1.
    const geo::GeometryColumn firms = test::from_wkt(geo::GeomKind::Point, {"POINT (100 0)", "POINT (1000 0)", "POINT (2400 0)"});
    geo::Column jobs("jobs", geo::FieldType::Integer);
    for (int v : {10, 20, 30}) jobs.push_integer(v);
    const auto types = radii("facility_type,facility_type_zh,service_radius_m\nbus_stop,公交站点,300\nbus_stop,公交站点,500\nclinic,卫生服务站,1000\n");
    const geo::CoverageResult r = geo::straight_line_coverage(firms, fac, fac.columns[0], types);
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].find("'停车场' (1 facilities) has no service radius") != std::string::npos);
    CHECK(r.warnings[1] == "1 facilities have no type; left out");
    CHECK(r.types[0].distance[1] == doctest::Approx(1000));  // B is 1000 m from both stops
    const auto rows = geo::coverage_summary(r, {0, 0, 1}, {"park A", "park B"}, &jobs);
    REQUIRE(rows.size() == 6);  // 2 parks x (bus 300, bus 500, clinic 1000)
    // Park A, bus 300 m: only A (100 m). Bus 500 m: still only A. Clinic 1000 m: A (1005 m) no, B (1414 m) no.
    CHECK(rows[0].covered == 1);
    CHECK(rows[0].employees_covered == 10);
    CHECK(rows[1].covered == 1);
    CHECK(rows[2].covered == 0);
    // Park B: C is 400 m from the second stop: out at 300, in at 500.
    CHECK(rows[3].covered == 0);
    CHECK(rows[4].covered == 1);
    CHECK(rows[4].employees == 30);
}

TEST_CASE("service areas: one disc per lone facility, overlapping discs dissolved")
{
    const geo::Layer fac = facility_layer({{{0, 0}, "clinic"}, {{500, 0}, "clinic"}, {{5000, 5000}, "bus_stop"}});
    const auto types = radii("facility_type,service_radius_m\nbus_stop,300\nclinic,1000\n");
    const geo::Layer areas = geo::service_areas(fac, fac.columns[0], types);
    REQUIRE(areas.size() == 2);
    CHECK(areas.columns[0].string(0) == "bus_stop");
    CHECK(geo::polygon_area(areas.geometry, 0) == doctest::Approx(3.14159265 * 300 * 300).epsilon(0.01));
    const double two = geo::polygon_area(areas.geometry, 1);
    CHECK(two < 2 * 3.14159265e6);
    CHECK(two > 3.14159265e6);
    CHECK(areas.geometry.part_count(1) == 1);  // dissolved into one polygon
}
