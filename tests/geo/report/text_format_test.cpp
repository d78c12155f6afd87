#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "geo/report/text_format.h"

TEST_CASE("text format: thousands, signs, unknowns and binding factors read the same everywhere")
{
    CHECK(geo::grouped(int64_t{0}) == "0");
    CHECK(geo::grouped(int64_t{999}) == "999");
    CHECK(geo::grouped(int64_t{1000}) == "1,000");
    CHECK(geo::grouped(int64_t{-1234567}) == "-1,234,567");
    CHECK(geo::grouped(size_t{20000}) == "20,000");
    CHECK(geo::grouped(1234.5) == "1,235");  // rounded half away from zero
    CHECK(geo::grouped(-0.4) == "0");
    CHECK(geo::grouped(std::nan("")) == "unknown");
    CHECK(geo::grouped(std::numeric_limits<double>::infinity()) == "no limit");
    CHECK(geo::signed_grouped(2500) == "+2,500");
    CHECK(geo::signed_grouped(-2500) == "-2,500");
    CHECK(geo::grouped(std::numeric_limits<int64_t>::min() + 1) == "-9,223,372,036,854,775,807");
    CHECK(geo::binding_text({"power_kw", "water_m3d"}) == "power_kw = water_m3d");
    CHECK(geo::joined({}, ", ").empty());
}
