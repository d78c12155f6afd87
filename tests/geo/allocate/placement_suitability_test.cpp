// Places scored by a suitability raster in memory (the planner's Suitability panel): each
// place takes its cell's score / 100; a vetoed cell (0), one off the grid, no data or below
// the least score leaves the place without applicants; every place left out is refused.
#include <doctest/doctest.h>

#include <cmath>

#include "geo/allocate/placement_input.h"
#include "geo/core/error.h"

TEST_CASE("placement: places scored by a suitability raster in memory, the vetoed and the off-grid left out")
{
    geo::Raster r;
    r.grid = {1000, 2000, 10, 3, 2};  // x0, y_top, cell, cols, rows: x 1000..1030, y 1980..2000
    r.values = {80, 0, 55,             // north row
                std::nanf(""), 100, 30};
    geo::PlacementInput in;
    in.site_xy = {{1005, 1995}, {1015, 1995}, {1025, 1999}, {1005, 1985}, {1015, 1981}, {1029, 1981}, {1035, 1995}, {1005, 2001}};
    in.suitability.assign(in.site_xy.size(), 0);
    in.unsuitable.assign(in.site_xy.size(), 0);
    in.weights[5] = 0.2;
    geo::use_suitability(in, r, 50, "panel");
    const std::vector<uint8_t> out = {0, 1, 0, 1, 0, 1, 1, 1};  // 80 | vetoed | 55 | no data | 100 | 30 < 50 | east of it | north of it
    CHECK(in.unsuitable == out);
    CHECK(in.suitability[0] == doctest::Approx(0.80));
    CHECK(in.suitability[2] == doctest::Approx(0.55));
    CHECK(in.suitability[4] == doctest::Approx(1.00));
    CHECK(in.suitability[1] == 0);
    REQUIRE(!in.notes.empty());
    CHECK(in.notes.back() == "5 of 8 places left out by the suitability raster (vetoed, off it, or below 50); the rest scored by it at weight 0.2");
    CHECK_THROWS_WITH_AS(geo::use_suitability(in, r, 101, "panel"), "panel: no place is suitable enough (a score above 0 and at least 101)", geo::Error);
}
