#include <doctest/doctest.h>

#include "geo/core/column.h"
#include "geo/core/geometry.h"
#include "geo/core/utf8.h"
#include "test_support.h"

using geo::GeomKind;

TEST_CASE("polygon area subtracts holes and adds parts (hand values)")
{
    auto g = test::from_wkt(GeomKind::Polygon,
                            {"POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))",
                             "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 7 5, 7 7, 5 7, 5 5)))"});
    CHECK(g.size() == 2);
    CHECK(geo::polygon_area(g, 0) == doctest::Approx(96.0));
    CHECK(geo::polygon_area(g, 1) == doctest::Approx(0.5 + 4.0));
    CHECK(g.part_count(1) == 2);
    CHECK(g.is_multi(1));
    CHECK_FALSE(g.is_multi(0));
}

TEST_CASE("abandoning a half-built feature leaves the column as it was")
{
    geo::GeometryColumn g(GeomKind::Line);
    test::add_wkt(g, "LINESTRING (0 0, 1 1)");
    g.begin_feature(false);
    g.begin_part();
    std::vector<geo::Coord> c{{5, 5}, {6, 6}};
    g.add_ring(c);
    g.abandon_feature();
    CHECK(g.size() == 1);
    CHECK(g.coords().size() == 2);
    test::add_wkt(g, "LINESTRING (2 2, 3 3, 4 4)");
    CHECK(g.size() == 2);
    CHECK(g.ring(g.ring_begin(g.part_begin(1))).size() == 3);
}

TEST_CASE("columns keep types, nulls and text")
{
    geo::Column ints("n", geo::FieldType::Integer);
    ints.push_integer(7);
    ints.push_null();
    ints.push_string("12");
    ints.push_string("twelve");  // not a number: stored as null, never as garbage
    CHECK(ints.integer(0) == 7);
    CHECK(ints.is_null(1));
    CHECK(ints.number(2) == doctest::Approx(12));
    CHECK(ints.is_null(3));

    geo::Column text("名称", geo::FieldType::String);
    text.push_string("甲公司");
    text.push_null();
    text.push_string(" 42 ");
    CHECK(text.string(0) == "甲公司");
    CHECK(text.text(1).empty());
    CHECK(text.number(2) == doctest::Approx(42));
    CHECK_FALSE(text.number(0).has_value());
}

TEST_CASE("UTF-8 validation rejects GBK bytes, overlongs and surrogates")
{
    CHECK(geo::is_valid_utf8("plain ascii"));
    CHECK(geo::is_valid_utf8("综合容积率"));
    CHECK_FALSE(geo::is_valid_utf8("\xC9\xFA\xCC\xAC"));      // 生态 in GBK
    CHECK_FALSE(geo::is_valid_utf8("\xC0\xAF"));              // overlong '/'
    CHECK_FALSE(geo::is_valid_utf8("\xED\xA0\x80"));          // surrogate
    CHECK_FALSE(geo::is_valid_utf8("\xE7\xBB"));              // truncated
}
