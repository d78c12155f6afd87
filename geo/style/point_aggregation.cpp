#include "geo/style/point_aggregation.h"

#include <algorithm>
#include <cmath>

namespace geo {

PointLook point_look(size_t points_in_view, const AggregationRule& rule)
{
    // Full size up to a tenth of the limit, then down to 60% size and 70% opacity at it.
    const double crowd = std::clamp((static_cast<double>(points_in_view) - 0.1 * static_cast<double>(rule.max_points)) /
                                        (0.9 * static_cast<double>(std::max<size_t>(rule.max_points, 1))),
                                    0.0, 1.0);
    return {static_cast<float>(1.0 - 0.4 * crowd), static_cast<float>(1.0 - 0.3 * crowd)};
}

ScreenBins bin_points(std::span<const Coord> points, const Envelope& view, double width_px, double height_px, const AggregationRule& rule)
{
    ScreenBins b;
    b.cell_px = std::max(1.0, rule.cell_px);
    b.cols = std::max(1, static_cast<int>(std::ceil(width_px / b.cell_px)));
    b.rows = std::max(1, static_cast<int>(std::ceil(height_px / b.cell_px)));
    b.counts.assign(static_cast<size_t>(b.cols) * static_cast<size_t>(b.rows), 0);
    if (view.empty() || width_px <= 0 || height_px <= 0) return b;
    const double mx = width_px / view.width(), my = height_px / view.height();
    for (const Coord& p : points) {
        if (!(p.x >= view.min_x && p.x < view.max_x && p.y > view.min_y && p.y <= view.max_y)) continue;
        const int c = std::min(b.cols - 1, static_cast<int>((p.x - view.min_x) * mx / b.cell_px));
        const int r = std::min(b.rows - 1, static_cast<int>((view.max_y - p.y) * my / b.cell_px));
        uint32_t& n = b.counts[static_cast<size_t>(r) * static_cast<size_t>(b.cols) + static_cast<size_t>(c)];
        b.max_count = std::max(b.max_count, ++n);
        ++b.points_in_view;
    }
    b.aggregate = b.points_in_view > rule.max_points;
    return b;
}

Rgba bin_colour(uint32_t count, uint32_t max_count)
{
    if (count == 0 || max_count == 0) return 0;
    const double t = std::sqrt(static_cast<double>(count) / static_cast<double>(max_count));
    return with_alpha(ramp_colour(Ramp::YellowBrown, 0.15 + 0.85 * t), 215);
}

}  // namespace geo
