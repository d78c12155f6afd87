#include <doctest/doctest.h>

#include "geo/core/error.h"
#include "geo/overlay/feature_filter.h"

namespace {

// Five enterprises: name, 产业集群, 从业人员 (one null), 工业产值.
geo::Layer firms()
{
    geo::Layer l;
    l.columns.emplace_back("name", geo::FieldType::String);
    l.columns.emplace_back("产业集群", geo::FieldType::String);
    l.columns.emplace_back("从业人员", geo::FieldType::Integer);
    l.columns.emplace_back("工业产值", geo::FieldType::Real);
    const char* names[] = {"重庆精密机械", "重庆化工一厂", "渝北电子", "It's Tech", "西永精密电子"};
    const char* clusters[] = {"装备制造", "化工", "电子信息", "电子信息", "电子信息"};
    const int64_t staff[] = {120, 80, -1, 300, 45};
    const double output[] = {5000, 12000, 800, 30000, 0};
    for (int i = 0; i < 5; ++i) {
        l.columns[0].push_string(names[i]);
        l.columns[1].push_string(clusters[i]);
        if (staff[i] < 0) l.columns[2].push_null();
        else l.columns[2].push_integer(staff[i]);
        l.columns[3].push_real(output[i]);
        l.fids.push_back(i + 1);
    }
    return l;
}

std::vector<uint32_t> sel(const std::string& e)
{
    static const geo::Layer l = firms();
    return geo::FeatureFilter(e, l, "enterprises").select();
}

}  // namespace

TEST_CASE("feature filter: comparisons, AND/OR/NOT, IN, LIKE, IS NULL, arithmetic, against a hand count")
{
    using V = std::vector<uint32_t>;
    CHECK(sel("\"产业集群\" = '电子信息'") == V{2, 3, 4});
    CHECK(sel("产业集群 = '电子信息' AND 从业人员 >= 100") == V{3});        // the null row never matches
    CHECK(sel("产业集群 = '化工' OR 工业产值 > 10000") == V{1, 3});
    CHECK(sel("NOT (产业集群 = '电子信息')") == V{0, 1});
    CHECK(sel("从业人员 <> 80") == V{0, 3, 4});                              // null is neither equal nor unequal
    CHECK(sel("产业集群 IN ('化工', '装备制造')") == V{0, 1});
    CHECK(sel("产业集群 NOT IN ('化工', '装备制造')") == V{2, 3, 4});
    CHECK(sel("name LIKE '%精密%'") == V{0, 4});
    CHECK(sel("name LIKE '重庆__一厂'") == V{1});                           // _ is one character, CJK included
    CHECK(sel("name ILIKE 'it''s%'") == V{3});                               // '' is a quote; ILIKE ignores ASCII case
    CHECK(sel("从业人员 IS NULL") == V{2});
    CHECK(sel("从业人员 IS NOT NULL AND 工业产值 / 从业人员 > 50") == V{1, 3});  // 12000/80 = 150, 30000/300 = 100
    CHECK(sel("工业产值 / 从业人员 > 1000") == V{});                          // 0/45 = 0; 5000/120 = 41.7
    CHECK(sel("工业产值 = -0 + 0") == V{4});
    CHECK(sel("从业人员 = '120'") == V{0});                                  // text that is a number compares as one
    CHECK(sel("(从业人员 > 100 OR 工业产值 < 1000) AND NOT name LIKE '渝%'") == V{0, 3, 4});
}

TEST_CASE("feature filter: a mistake is named with its position (in characters) and what was expected")
{
    const geo::Layer l = firms();
    auto message = [&](const std::string& e) {
        try {
            geo::FeatureFilter(e, l, "enterprises");
        } catch (const geo::Error& err) {
            return std::string(err.what());
        }
        return std::string("no error");
    };
    CHECK(message("从业人数 > 5") == "at 1: no field named '从业人数' in layer 'enterprises' (did you mean '从业人员'?)");
    CHECK(message("产业集群 = '化工") == "at 8: unclosed text (a ' is missing)");
    CHECK(message("从业人员 > ") == "at 8: the expression ends too early");
    CHECK(message("产业集群 = '化工' AND") == "at 16: the expression ends too early");
    CHECK(message("产业集群 IN '化工'") == "at 9: '(' was expected after IN");
    CHECK(message("从业人员 > 5 5") == "at 10: unexpected '5' (AND, OR or the end was expected)");
    CHECK(message("") == "at 1: the expression is empty");
    CHECK(message("name LIKE 5") == "at 11: a 'quoted' pattern was expected after LIKE");
}
