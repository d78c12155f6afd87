#include <doctest/doctest.h>

#include <string>

#include "geo/core/json_depth.h"

TEST_CASE("JSON depth: the limit is found with its position, brackets in strings do not count")
{
    CHECK_FALSE(geo::find_json_too_deep(R"({"a": [[1, 2], {"b": "[[[[[["}]})", 3));
    const auto deep = geo::find_json_too_deep("{\n  \"a\": [[[1]]]\n}", 3);
    REQUIRE(deep);
    CHECK(deep->line == 2);
    CHECK(deep->column == 10);
    CHECK_FALSE(geo::find_json_too_deep(R"(["\"[[[[", "\\", [1]])", 2));
    const std::string ninety_thousand(90000, '[');
    CHECK(geo::find_json_too_deep(ninety_thousand));
}
