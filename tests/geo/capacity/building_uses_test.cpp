// Which buildings count as admin/living (the shipped table), and an enterprise's admin/living
// land from a buildings layer: each building found by credit code, company name or site, floor
// area from storeys and labels, prohibited buildings failing the plot.
#include <doctest/doctest.h>

#include <fstream>

#include "geo/capacity/building_uses.h"
#include "geo/capacity/capacity_run.h"
#include "geo/capacity/compliance.h"
#include "test_support.h"

namespace {

std::string square(double x0, double y0, double x1, double y1)
{
    auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    return "\"POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))\"";
}

}  // namespace

TEST_CASE("building uses: the ministry's definitions in the shipped table, longest alias first, storeys from labels")
{
    const geo::BuildingUseTable t = geo::read_building_uses(test::datasets("standards/admin_living_building_uses.csv"));
    auto counts = [&](const char* label) {
        const geo::BuildingUse* u = t.classify(label);
        REQUIRE(u);
        return std::string(geo::to_string(u->counts)) + " " + u->use;
    };
    CHECK(counts("3#倒班宿舍") == "admin_living shift_dormitory");
    CHECK(counts("职工食堂") == "admin_living canteen");
    CHECK(counts("Office block") == "admin_living office");
    CHECK(counts("研发中心") == "not_counted rd_centre");
    CHECK(counts("门卫") == "not_counted guard_house");
    CHECK(counts("消防泵房") == "not_counted pump_room");
    CHECK(counts("2#标准厂房") == "not_counted production");
    CHECK(counts("专家楼") == "prohibited expert_building");
    CHECK(counts("培训中心") == "prohibited training_centre");  // not the activity centre: the longer alias wins
    CHECK(t.classify("综合楼") == nullptr);

    CHECK(geo::storeys_in_label("厂房 2F") == 2);
    CHECK(geo::storeys_in_label("倒班宿舍6层") == 6);
    CHECK(geo::storeys_in_label("12f") == 12);
    CHECK(geo::storeys_in_label("1#厂房") == 0);
    CHECK(geo::storeys_in_label("2023年建") == 0);

    const test::ScratchDir dir("building-uses-bad");
    std::ofstream(dir.path / "u.csv") << "use,use_zh,counts,aliases\noffice,办公楼,sometimes,办公\n";
    CHECK_THROWS_WITH_AS(geo::read_building_uses(dir.path / "u.csv"),
                         doctest::Contains("line 2: column 'counts': admin_living, not_counted or prohibited, not 'sometimes'"), geo::Error);
}

TEST_CASE("building uses: each plot's admin/living land from its buildings, in a project, through the compliance check")
{
    const test::ScratchDir dir("building-uses");
    std::ofstream(dir.path / "parks.csv") << "WKT,名称\n" << square(500000, 3300000, 501000, 3301000) << ",测试园\n";
    // A (credit code ...AA), B alone on site S1, C beside A on site S2.
    std::ofstream(dir.path / "firms.csv") << "WKT,企业名称,统一社会信用代码,行业代码,用地面积,行政生活用地面积,建筑面积\n"
                                          << "POINT(500200 3300200),甲精密制造有限责任公司,915000000000000AAA,3411,10000,500,8000\n"
                                          << "POINT(500700 3300700),乙科技有限公司,915000000000000BBB,3411,5000,100,4000\n"
                                          << "POINT(500500 3300200),丙公司,,3411,4000,200,3000\n";
    std::ofstream(dir.path / "sites.csv") << "WKT,地块编号\n"
                                          << square(500600, 3300600, 500800, 3300800) << ",S1\n"
                                          << square(500100, 3300100, 500600, 3300300) << ",S2\n";
    std::ofstream(dir.path / "buildings.csv")
        << "WKT,名称,建筑用途,建筑面积,层数,所属企业,统一社会信用代码\n"
        << square(500150, 3300150, 500170, 3300170) << ",b1,办公楼,1000,,,915000000000000AAA\n"   // A by code
        << square(500180, 3300150, 500190, 3300170) << ",b2,1#厂房,3000,,甲精密制造有限公司,\n"  // A by normalised name
        << square(500650, 3300650, 500660, 3300670) << ",b3,倒班宿舍,,3,,\n"                 // B by site: 200 m² x 3
        << square(500700, 3300620, 500720, 3300640) << ",b4,厂房 2F,,,,\n"                  // B: 400 m² x 2 from the label
        << square(500740, 3300620, 500750, 3300630) << ",b5,专家楼,100,,,\n"                  // B: prohibited
        << square(500740, 3300700, 500750, 3300710) << ",b6,综合楼,100,,,\n"                  // B: a use not in the table
        << square(500400, 3300150, 500410, 3300160) << ",b7,仓库,50,,,\n";                    // S2 holds A and C: no owner
    std::ofstream(dir.path / "p.parkcap.json") << R"({"parkcap": 1, "working_crs": "EPSG:4545", "layers": [
        {"id": "parks", "role": "parks", "path": "parks.csv", "srs": "EPSG:4545"},
        {"id": "firms", "role": "enterprises", "path": "firms.csv", "srs": "EPSG:4545"},
        {"id": "sites", "role": "sites", "path": "sites.csv", "srs": "EPSG:4545"},
        {"id": "buildings", "role": "buildings", "path": "buildings.csv", "srs": "EPSG:4545"}],
        "analysis": {"capacity": {"standards_dir": ")"
                                              << test::datasets("standards") << R"("}}})";

    geo::LoadedProject project = geo::load_project(geo::read_project(dir.path / "p.parkcap.json"));
    const geo::CapacityBase base = geo::capacity_base(project);
    const geo::EnterpriseData& f = *base.input.firms;
    REQUIRE(f.admin_living_area.size() == 3);
    CHECK(f.admin_living_area[0] == doctest::Approx(10000.0 * 1000 / 4000));        // offices 1000 of 4000 m²
    CHECK(f.admin_living_area[1] == doctest::Approx(5000.0 * 600 / (600 + 800 + 100 + 100)));  // the dormitory's 600 of 1600 m²
    CHECK(f.admin_living_area[2] == doctest::Approx(200));                             // no buildings: its own field
    std::string notes;
    for (const std::string& n : base.input.notes) notes += n + "\n";
    CHECK(notes.find("admin/living land of 2 plots from their 6 buildings") != std::string::npos);
    CHECK(notes.find("1 by credit code, 1 by enterprise name, 4 by site") != std::string::npos);
    CHECK(notes.find("1 buildings belong to no enterprise") != std::string::npos);
    CHECK(notes.find("fid 7 b7") != std::string::npos);
    CHECK(notes.find("'综合楼'") != std::string::npos);

    const geo::CapacityRun run = geo::run_capacity(project.project, project.working.crs, base, "");
    const std::vector<int32_t> park_of = geo::enterprises_in_parks(run.input);
    const geo::ComplianceRules rules = geo::compliance_rules(run.input, run.tables, park_of);
    const auto plots = geo::plot_compliance(run.input, run.tables, rules, park_of);
    CHECK(plots[0].admin_ok == geo::Check::Fail);  // 0.25 > 0.07
    CHECK(plots[1].admin_ok == geo::Check::Fail);
    CHECK(plots[2].admin_ok == geo::Check::Pass);  // 0.05
    const std::string why = geo::compliance_reasons(plots[1], geo::plot_numbers(run.input, run.tables, rules, park_of, 1), run.tables, rules);
    CHECK(why.find("admin/living share 0.375 > 0.070") != std::string::npos);
    CHECK(why.find("prohibited on industrial land: 专家楼 (buildings fid 5 b5)") != std::string::npos);
}
