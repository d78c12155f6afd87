#include <doctest/doctest.h>

#include "geo/core/attribute_edit.h"
#include "geo/core/error.h"

TEST_CASE("attribute edits: typed, validated, the old layer unchanged")
{
    geo::Layer l;
    l.columns.emplace_back("name", geo::FieldType::String);
    l.columns.emplace_back("从业人员", geo::FieldType::Integer);
    l.columns.emplace_back("工业产值", geo::FieldType::Real);
    for (int i = 0; i < 3; ++i) {
        l.columns[0].push_string(i == 1 ? "乙" : "甲");
        l.columns[1].push_integer(10 * (i + 1));
        l.columns[2].push_real(1.5 * i);
        l.geometry.add_point({double(i), 0});
        l.fids.push_back(i + 1);
    }
    const geo::Layer a = geo::with_value(l, 1, 1, std::string(" 400 "));
    CHECK(a.columns[1].integer(1) == 400);
    CHECK(a.columns[1].integer(0) == 10);
    CHECK(a.columns[1].integer(2) == 30);
    CHECK(l.columns[1].integer(1) == 20);  // the old layer is as it was (undo brings it back)
    CHECK(a.size() == 3);
    CHECK(a.fids == l.fids);

    const geo::Layer b = geo::with_value(l, 0, 1, std::string("重庆丙公司"));
    CHECK(b.columns[0].string(1) == "重庆丙公司");
    CHECK(b.columns[0].string(2) == "甲");
    CHECK(geo::with_value(l, 2, 0, std::string("")).columns[2].is_null(0));   // empty: null
    CHECK(geo::with_value(l, 1, 0, std::nullopt).columns[1].is_null(0));
    CHECK(geo::with_value(l, 2, 2, std::string("2.5e3")).columns[2].real(2) == 2500);

    CHECK_THROWS_WITH_AS(geo::with_value(l, 1, 0, std::string("12.5")), "从业人员 is a whole-number field: '12.5' is not a whole number", geo::Error);
    CHECK_THROWS_WITH_AS(geo::with_value(l, 2, 0, std::string("很多")), "工业产值 is a number field: '很多' is not a number", geo::Error);
    CHECK_THROWS_WITH_AS(geo::with_value(l, 1, 0, std::string("99999999999999999999")), doctest::Contains("not a whole number"), geo::Error);
    CHECK_THROWS_AS(geo::with_value(l, 5, 0, std::string("1")), geo::Error);
}
