// 亩均效益 scoring against hand computations for each shipped preset, the missing-indicator
// rules, classes by rank and by score, and the join of a bureau's table by code and name.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <limits>

#include "geo/core/error.h"
#include "geo/performance/indicator_table.h"
#include "geo/performance/performance_preset.h"
#include "geo/performance/performance_score.h"
#include "test_support.h"

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

geo::PerformanceFigures figures(size_t n)
{
    geo::PerformanceFigures f;
    for (auto* v : {&f.tax, &f.value_added, &f.sales, &f.energy, &f.emissions, &f.rd, &f.employees, &f.land_m2}) v->assign(n, kNaN);
    return f;
}

geo::PerformancePreset preset(const char* name) { return geo::read_performance_preset(test::datasets(std::string("standards/") + name)); }

}  // namespace

TEST_CASE("Huangyan 2023: a firm at every benchmark scores 100, one at twice the per-mu figures 150; one lacking an indicator is unscored")
{
    const auto p = preset("mujun_huangyan_2023.csv");
    auto f = figures(3);
    const double land = 10 * geo::kMuM2;  // 10 mu
    // Firm 0 exactly at the benchmarks.
    f.land_m2[0] = land, f.tax[0] = 240.97, f.value_added[0] = 1361.6, f.energy[0] = 1361.6 / 2.694, f.emissions[0] = 1361.6 / 4929.81;
    f.employees[0] = 1361.6 / 18.14, f.sales[0] = 1000, f.rd[0] = 30.2;
    // Firm 1: every figure doubled on the same land: per-mu indicators double, ratios stay.
    f.land_m2[1] = land;
    for (auto* v : {&f.tax, &f.value_added, &f.sales, &f.energy, &f.emissions, &f.rd, &f.employees}) (*v)[1] = 2 * (*v)[0];
    // Firm 2: no energy figure.
    f.land_m2[2] = land, f.tax[2] = 100, f.value_added[2] = 500, f.emissions[2] = 1, f.employees[2] = 10, f.sales[2] = 800, f.rd[2] = 8;
    const auto s = geo::score_performance(p, f);
    CHECK(s.score[0] == doctest::Approx(100).epsilon(1e-12));
    CHECK(s.score[1] == doctest::Approx(30 * 2 + 20 * 2 + 20 + 10 + 10 + 10).epsilon(1e-12));
    CHECK(std::isnan(s.score[2]));
    CHECK(s.missing(2) == "value_added_per_energy");
    CHECK(s.missing(0).empty());
    CHECK(s.scored == 2);
    CHECK(s.unscored == 1);
    CHECK(s.klass[2] == -1);
}

TEST_CASE("Huai'an 2024: benchmarks at twice the mean; a missing indicator's weight spread over the others")
{
    const auto p = preset("mujun_huaian_2024.csv");
    auto f = figures(4);
    const double mu = geo::kMuM2;
    const double tax_mu[] = {10, 20, 30, 20}, sales_mu[] = {100, 200, 300, 200};
    for (size_t i = 0; i < 4; ++i) {
        f.land_m2[i] = 5 * mu;
        f.tax[i] = tax_mu[i] * 5;
        f.sales[i] = sales_mu[i] * 5;
        if (i < 3) f.energy[i] = f.tax[i] / double(i + 1);  // tax per energy 1, 2, 3 (mean 2)
    }
    const auto s = geo::score_performance(p, f);
    CHECK(s.reference[0] == doctest::Approx(40));   // twice the mean tax per mu (20)
    CHECK(s.reference[1] == doctest::Approx(400));  // twice the mean sales per mu (200)
    CHECK(s.reference[2] == doctest::Approx(4));    // twice the mean tax per energy (2), over the firms that have it
    // 45·x/40 + 35·y/400 + 20·z/4.
    CHECK(s.score[0] == doctest::Approx(11.25 + 8.75 + 5));
    CHECK(s.score[1] == doctest::Approx(22.5 + 17.5 + 10));
    CHECK(s.score[2] == doctest::Approx(33.75 + 26.25 + 15));
    // Firm 3 has no energy figure: 40 points on 80% of the weight, spread: 50.
    CHECK(s.score[3] == doctest::Approx(50));
    CHECK(s.spread == 1);
    CHECK(s.scored == 4);
    CHECK(s.missing(3) == "tax_per_energy");
}

TEST_CASE("Jingde 2022: each indicator onto 20..100 between its smallest and largest, classes by score")
{
    const auto p = preset("mujun_jingde_2022.csv");
    auto f = figures(3);
    const double tax_mu[] = {10, 20, 30}, va_mu[] = {5, 5, 15}, rd[] = {0.01, 0.02, 0.03};
    for (size_t i = 0; i < 3; ++i) {
        f.land_m2[i] = geo::kMuM2;
        f.tax[i] = tax_mu[i];
        f.value_added[i] = va_mu[i];
        f.energy[i] = va_mu[i] / 2;  // all 2: one value, scored 100
        f.sales[i] = 100, f.rd[i] = 100 * rd[i];
    }
    const auto s = geo::score_performance(p, f);
    // (40·s_tax + 30·s_va + 15·s_energy + 15·s_rd) / 100.
    CHECK(s.score[0] == doctest::Approx((40 * 20 + 30 * 20 + 15 * 100 + 15 * 20) / 100.0));
    CHECK(s.score[1] == doctest::Approx((40 * 60 + 30 * 20 + 15 * 100 + 15 * 60) / 100.0));
    CHECK(s.score[2] == doctest::Approx(100));
    REQUIRE(p.classes.size() == 4);
    CHECK(p.classes[static_cast<size_t>(s.klass[0])].name == "D");  // 32: below 40
    CHECK(p.classes[static_cast<size_t>(s.klass[1])].name == "C");  // 54
    CHECK(p.classes[static_cast<size_t>(s.klass[2])].name == "A");  // 100
}

TEST_CASE("classes by rank: top 20% A, 20-60% B, 60-95% C, bottom 5% D among the scored")
{
    const test::ScratchDir dir("rank");
    {
        std::ofstream o(dir.path / "p.csv");
        o << "item,name,value,weight,note\nscaling,,benchmark,,\nmissing,,unscored,,\nindicator,tax_per_mu,10,100,\nclasses,,rank,,\n"
             "class,A,0.2,,\nclass,B,0.6,,\nclass,C,0.95,,\nclass,D,1,,\n";
    }
    const auto p = geo::read_performance_preset(dir.path / "p.csv");
    auto f = figures(21);
    for (size_t i = 0; i < 20; ++i) f.land_m2[i] = geo::kMuM2, f.tax[i] = double(i + 1);  // firm 19 best
    f.land_m2[20] = geo::kMuM2;  // no tax: unscored, no class
    const auto s = geo::score_performance(p, f);
    std::string classes;
    for (size_t i = 0; i < 21; ++i) classes += s.klass[i] < 0 ? '-' : p.classes[static_cast<size_t>(s.klass[i])].name[0];
    // From firm 0 (worst) to 19 (best): 1 D, 7 C, 8 B, 4 A; firm 20 unscored.
    CHECK(classes == "DCCCCCCCBBBBBBBBAAAA-");
}

TEST_CASE("a preset with a bad row is named by file and line")
{
    const test::ScratchDir dir("badpreset");
    auto write = [&](const char* body) {
        std::ofstream o(dir.path / "p.csv");
        o << "item,name,value,weight,note\n" << body;
    };
    write("scaling,,benchmark,,\nindicator,tax_per_acre,1,10,\n");
    CHECK_THROWS_WITH_AS(geo::read_performance_preset(dir.path / "p.csv"), doctest::Contains("line 3: unknown indicator 'tax_per_acre'"), geo::Error);
    write("scaling,,benchmark,,\nindicator,tax_per_mu,,10,\nclasses,,rank,,\nclass,A,1,,\n");
    CHECK_THROWS_WITH_AS(geo::read_performance_preset(dir.path / "p.csv"), doctest::Contains("needs a benchmark above 0"), geo::Error);
    write("scaling,,minmax,,\nindicator,tax_per_mu,,10,\nclasses,,rank,,\nclass,A,0.5,,\nclass,B,0.4,,\n");
    CHECK_THROWS_WITH_AS(geo::read_performance_preset(dir.path / "p.csv"), doctest::Contains("class B must come after A"), geo::Error);
}

TEST_CASE("a bureau's table joins by credit code, then exact name, then normalised name; the rest is reported")
{
    const test::ScratchDir dir("indicators");
    {
        std::ofstream o(dir.path / "t.csv");
        o << "\xEF\xBB\xBF统一社会信用代码,企业名称,税收,用地面积(亩)\n"
             "91500000AAAAAAAA01,重庆甲科技有限公司,10,3\n"     // by code
             ",重庆乙制造有限公司,20,\n"                          // by name
             ",重庆丙电子有限责任公司（两江）,30,\n"              // normalised: 有限责任公司, full-width brackets
             ",重庆丁 材料 有限公司,40,\n"                        // two enterprises share the name
             ",重庆戊物流有限公司,50,\n"                          // no such enterprise
             ",重庆乙制造有限公司,60,\n";                        // the same enterprise again
    }
    const auto t = geo::read_indicator_table(dir.path / "t.csv");
    REQUIRE(t.size() == 6);
    CHECK(t.land_m2[0] == doctest::Approx(3 * 10000.0 / 15));
    const geo::TextList names = {"重庆甲科技有限公司", "重庆乙制造有限公司", "重庆丙电子有限公司(两江)", "重庆丁材料有限公司", "重庆丁材料有限公司", "重庆己有限公司"};
    const geo::TextList codes = {"91500000AAAAAAAA01", "", "", "", "", ""};
    const auto m = geo::match_indicator_rows(t, codes, names);
    CHECK(m.how[0] == geo::MatchKind::Code);
    CHECK(m.how[1] == geo::MatchKind::Name);
    CHECK(m.how[2] == geo::MatchKind::NormalisedName);
    CHECK(m.how[3] == geo::MatchKind::Ambiguous);
    CHECK(m.detail(3, t, names) == "2 enterprises have this normalised name");
    CHECK(m.how[4] == geo::MatchKind::NotFound);
    CHECK(m.how[5] == geo::MatchKind::Taken);
    CHECK(m.detail(5, t, names) == "'重庆乙制造有限公司' is matched by line 3 already");
    CHECK(m.detail(2, t, names) == "重庆丙电子有限公司(两江)");
    CHECK(m.row_of == std::vector<int64_t>{0, 1, 2, -1, -1, -1});
    CHECK(geo::normalised_company_name("ＡＢＣ（重庆） 有限责任公司") == "abc重庆有限公司");
    {
        std::ofstream o(dir.path / "bad.csv");
        o << "企业名称,税收\n甲,十\n";
    }
    CHECK_THROWS_WITH_AS(geo::read_indicator_table(dir.path / "bad.csv"), doctest::Contains("line 2: the 税收 '十' is not a number"), geo::Error);
}
