#include <doctest/doctest.h>

#include "geo/core/error.h"
#include "geo/report/layer_export.h"
#include "geo/style/qgis_qml.h"

TEST_CASE("dBASE field names: at most 10 bytes in the file's encoding, whole characters, unique")
{
    // UTF-8: three bytes a CJK character, so three fit; GBK: two bytes, so five fit.
    CHECK(geo::dbf_field_names({"企业名称", "从业人员", "fid"}, "") == std::vector<std::string>{"企业名", "从业人", "fid"});
    CHECK(geo::dbf_field_names({"企业名称", "从业人员"}, "GBK") == std::vector<std::string>{"企业名称", "从业人员"});
    CHECK(geo::dbf_field_names({"建筑基底面积", "建筑基底面积比"}, "GBK") == std::vector<std::string>{"建筑基底面", "建筑基底_1"});
    CHECK(geo::dbf_field_names({"population_total", "population_men"}, "") == std::vector<std::string>{"population", "populati_1"});
    CHECK(geo::dbf_field_names({"Name", "NAME"}, "") == std::vector<std::string>{"Name", "NAME_1"});  // dBASE is case-blind
}

TEST_CASE("export CRS names")
{
    CHECK(geo::parse_export_crs("EPSG:4490") == geo::ExportCrs::Cgcs2000);
    CHECK(geo::parse_export_crs("gcj-02") == geo::ExportCrs::Gcj02);
    CHECK(geo::parse_export_crs("") == geo::ExportCrs::Working);
    CHECK_THROWS_WITH_AS(geo::parse_export_crs("mars"), doctest::Contains("unknown CRS 'mars'"), geo::Error);
}

TEST_CASE("QGIS style: single, categorised and graduated renderers with the colours drawn")
{
    geo::LayerStyle s;
    s.fill = geo::rgba(10, 20, 30, 255);
    s.label_field = "名称";
    std::string q = geo::qgis_qml(s, geo::GeomKind::Polygon);
    CHECK(q.find("type=\"singleSymbol\"") != std::string::npos);
    CHECK(q.find("class=\"SimpleFill\"") != std::string::npos);
    CHECK(q.find("value=\"10,20,30,255\"") != std::string::npos);
    CHECK(q.find("fieldName=\"名称\"") != std::string::npos);

    s.mode = geo::StyleMode::Categorized;
    s.field = "类型";
    s.categories = {{"公交站点", geo::rgba(31, 70, 144), 3}, {"a<b&\"c\"", geo::rgba(1, 2, 3), 1}};
    q = geo::qgis_qml(s, geo::GeomKind::Point);
    CHECK(q.find("type=\"categorizedSymbol\" attr=\"类型\"") != std::string::npos);
    CHECK(q.find("value=\"公交站点\"") != std::string::npos);
    CHECK(q.find("value=\"a&lt;b&amp;&quot;c&quot;\"") != std::string::npos);  // escaped
    CHECK(q.find("class=\"SimpleMarker\"") != std::string::npos);
    CHECK(q.find("value=\"31,70,144,255\"") != std::string::npos);

    s.mode = geo::StyleMode::Graduated;
    s.grad_classes = {{0, 10, geo::rgba(255, 0, 0), 5}, {10, 20, geo::rgba(0, 0, 255), 5}};
    q = geo::qgis_qml(s, geo::GeomKind::Line);
    CHECK(q.find("type=\"graduatedSymbol\"") != std::string::npos);
    CHECK(q.find("lower=\"10\" upper=\"20\"") != std::string::npos);
    CHECK(q.find("class=\"SimpleLine\"") != std::string::npos);
}
