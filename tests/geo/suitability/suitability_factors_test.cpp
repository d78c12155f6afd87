// The park's LQ and facility coverage as suitability factors, by hand: two 1 km parks, the
// cluster 电子信息 holding 30 of park A's 60 employees and 10 of park B's 40 (40 of 100 in all):
// LQ 1.25 in A (class 100) and 0.625 in B (class 40); one canteen in A's middle with a 500 m
// radius among two types: 50% coverage within 500 m of it (class 70), 0% beyond (class 40).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "geo/suitability/suitability.h"
#include "test_support.h"

namespace {

std::string square(double x0, double y0, double x1, double y1)
{
    auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    return "\"POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))\"";
}

// The score of the cell holding (x, y).
float score_at(const geo::Raster& r, double x, double y)
{
    const auto col = static_cast<size_t>(std::floor((x - r.grid.x0) / r.grid.cell));
    const auto row = static_cast<size_t>(std::floor((r.grid.y_top - y) / r.grid.cell));
    return r.at(col, row);
}

}  // namespace

TEST_CASE("suitability: the park's LQ of the cluster and the facility coverage share, by hand")
{
    const test::ScratchDir dir("suitability-factors");
    std::ofstream(dir.path / "parks.csv") << "WKT,名称\n" << square(500000, 3300000, 501000, 3301000) << ",A\n" << square(503000, 3300000, 504000, 3301000) << ",B\n";
    std::ofstream(dir.path / "firms.csv") << "WKT,企业名称,产业集群,从业人员\n"
                                          << "POINT(500100 3300100),a1,电子信息,10\nPOINT(500200 3300100),a2,电子信息,10\nPOINT(500300 3300100),a3,电子信息,10\n"
                                          << "POINT(500400 3300100),a4,装备制造,30\n"
                                          << "POINT(503100 3300100),b1,电子信息,10\nPOINT(503200 3300100),b2,装备制造,10\n"
                                          << "POINT(503300 3300100),b3,装备制造,10\nPOINT(503400 3300100),b4,装备制造,10\n";
    std::ofstream(dir.path / "fac.csv") << "WKT,类型\nPOINT(500500 3300500),canteen\n";
    std::ofstream(dir.path / "p.parkcap.json") << R"({"parkcap": 1, "working_crs": "EPSG:4545", "layers": [
        {"id": "parks", "role": "parks", "path": "parks.csv", "srs": "EPSG:4545"},
        {"id": "firms", "role": "enterprises", "path": "firms.csv", "srs": "EPSG:4545"},
        {"id": "fac", "role": "facilities", "path": "fac.csv", "srs": "EPSG:4545"}]})";
    const geo::LoadedProject project = geo::load_project(geo::read_project(dir.path / "p.parkcap.json"));

    geo::SuitabilityOptions o;
    o.cell_m = 100;
    o.cluster = "电子信息";
    o.radii = {{"canteen", "食堂", {500}}, {"clinic", "卫生服务站", {1000}}};
    o.factors = geo::read_factor_classes(test::datasets("standards/suitability_classes.csv"));
    geo::use_typed_weights(o.factors, {{"park_lq", 1}});
    const geo::SuitabilityResult lq = geo::suitability(project, o);
    REQUIRE(lq.used == std::vector<std::string>{"park_lq"});
    CHECK(score_at(lq.score, 500550, 3300550) == 100);  // LQ 1.25
    CHECK(score_at(lq.score, 503550, 3300550) == 40);   // LQ 0.625

    geo::use_typed_weights(o.factors, {{"coverage_pct", 1}});
    const geo::SuitabilityResult cov = geo::suitability(project, o);
    CHECK(score_at(cov.score, 500550, 3300550) == 70);  // the canteen within 500 m: 1 of 2 types
    CHECK(score_at(cov.score, 500050, 3300950) == 40);  // 636 m from it: none
    CHECK(score_at(cov.score, 503550, 3300550) == 40);

    o.radii.clear();  // no radius table: coverage cannot be scored, and says so
    CHECK_THROWS_WITH_AS(geo::suitability(project, o), "no factor with a weight can be scored for this project", geo::Error);
}
