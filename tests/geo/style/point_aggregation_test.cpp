#include <doctest/doctest.h>

#include <vector>

#include "geo/style/point_aggregation.h"

TEST_CASE("point aggregation: points counted into screen cells, bins only above the limit")
{
    // A 100 x 50 m view on a 100 x 50 px screen, 10 px cells: 10 x 5 cells.
    const geo::Envelope view{0, 0, 100, 50};
    std::vector<geo::Coord> pts = {{5, 45}, {6, 44}, {95, 5}, {50, 25}, {150, 25} /* outside */, {-1, 10} /* outside */};
    geo::AggregationRule rule;
    rule.cell_px = 10;
    rule.max_points = 3;
    const geo::ScreenBins b = geo::bin_points(pts, view, 100, 50, rule);
    CHECK(b.cols == 10);
    CHECK(b.rows == 5);
    CHECK(b.points_in_view == 4);
    CHECK(b.aggregate);  // 4 > 3
    CHECK(b.counts[0] == 2);       // (5,45) and (6,44): top-left cell
    CHECK(b.counts[4 * 10 + 9] == 1);  // (95,5): bottom-right
    CHECK(b.counts[2 * 10 + 5] == 1);  // (50,25): row 2 (y 25 from the top), column 5
    CHECK(b.max_count == 2);
    rule.max_points = 4;
    CHECK_FALSE(geo::bin_points(pts, view, 100, 50, rule).aggregate);  // at the limit: points
}

TEST_CASE("point aggregation: points shrink and lighten as they crowd, a bin's colour grows with its count")
{
    const geo::AggregationRule rule;  // 5000
    CHECK(geo::point_look(100, rule).size_factor == 1.0f);
    CHECK(geo::point_look(500, rule).opacity_factor == 1.0f);
    CHECK(geo::point_look(5000, rule).size_factor == doctest::Approx(0.6));
    CHECK(geo::point_look(5000, rule).opacity_factor == doctest::Approx(0.7));
    CHECK(geo::point_look(2750, rule).size_factor == doctest::Approx(0.8));
    CHECK(geo::bin_colour(0, 10) == 0u);  // empty cells are not drawn
    // Darker (smaller red+green+blue) for a fuller cell.
    auto lightness = [](geo::Rgba c) { return (c & 0xFF) + ((c >> 8) & 0xFF) + ((c >> 16) & 0xFF); };
    CHECK(lightness(geo::bin_colour(10, 10)) < lightness(geo::bin_colour(1, 10)));
    CHECK(geo::bin_colour(10, 10) == geo::with_alpha(geo::ramp_colour(geo::Ramp::YellowBrown, 1.0), 215));
}
