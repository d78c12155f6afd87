#include <doctest/doctest.h>

#include "geo/report/edit_sentences.h"
#include "test_support.h"

TEST_CASE("scenario edits read as sentences in both languages, with factor and facility names from the terms table")
{
    const geo::Terms terms = geo::Terms::read(test::datasets("standards/terms.csv"));
    auto both = [&](const geo::Edit& e) {
        return std::pair{geo::describe_edit(e, geo::Language::Zh, terms), geo::describe_edit(e, geo::Language::En, terms)};
    };
    auto [zh, en] = both(geo::RaiseFar{"重庆高新区", {}, 3.0});
    CHECK(zh == "重庆高新区：容积率提高到 3");
    CHECK(en == "重庆高新区: plot ratio raised to 3");
    std::tie(zh, en) = both(geo::RaiseFar{"", {"CQ-HTZ-S01", "CQ-HTZ-S02"}, 2.5});
    CHECK(zh == "地块 CQ-HTZ-S01、CQ-HTZ-S02：容积率提高到 2.5");
    CHECK(en == "Sites CQ-HTZ-S01, CQ-HTZ-S02: plot ratio raised to 2.5");
    std::tie(zh, en) = both(geo::UpgradeCapacity{"重庆高新区", "power_kw", 10000.0, std::nullopt});
    CHECK(zh == "重庆高新区：供电增加 10,000");
    CHECK(en == "重庆高新区: Power supply up by 10,000");
    std::tie(zh, en) = both(geo::AddFacility{"new-1", "bus_stop", {106.5, 29.5}, std::nullopt});
    CHECK(zh == "新增公交站点（106.50000°E, 29.50000°N）（编号 new-1）");
    CHECK(en == "New Bus stop at 106.50000°E 29.50000°N (new-1)");
    std::tie(zh, en) = both(geo::RemoveFacility{{"facilities", 12, ""}});
    CHECK(zh == "删除图层 facilities 的要素 12");
    CHECK(en == "Remove facilities fid 12");
    std::tie(zh, en) = both(geo::Redevelop{"长寿经济技术开发区", std::nullopt});
    CHECK(zh == "长寿经济技术开发区：低效用地再开发（按园区容积率）");
    CHECK(en == "长寿经济技术开发区: under-used plots redeveloped (to the park's FAR)");
    std::tie(zh, en) = both(geo::StandardFactory{"CQ-HTZ-S01", 5, 5000, 0});
    CHECK(zh == "地块 CQ-HTZ-S01：建标准厂房 5 层，每层 5,000 m²");
    CHECK(en == "Site CQ-HTZ-S01: standard factory, 5 storeys of 5,000 m² each");
    // A factor the table lacks shows as its key.
    CHECK(geo::describe_edit(geo::UpgradeCapacity{"P", "gas_m3", std::nullopt, 5.0}, geo::Language::En, terms) == "P: gas_m3 set to 5");
}
