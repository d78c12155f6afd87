#pragma once
// How many points a map shows one by one: the one rule the GUI's map, print maps and the
// ten-million-enterprise case share. Below `max_points` in view, points are drawn each, a
// little smaller and lighter as they crowd; above it they are counted into square screen cells
// and drawn as bins on the density ramp, so the city view reads as where industry is, not as
// a multicoloured smear. Pure arithmetic (tested), no GL.
#include <cstdint>
#include <span>
#include <vector>

#include "geo/core/envelope.h"
#include "geo/core/geometry.h"
#include "geo/style/layer_style.h"

namespace geo {

struct AggregationRule {
    size_t max_points = 5000;  // more than this in view: bins
    double cell_px = 16;       // a bin's side on screen
};

// The look of points drawn one by one, by how many are in view.
struct PointLook {
    float size_factor = 1, opacity_factor = 1;
};
PointLook point_look(size_t points_in_view, const AggregationRule& rule = {});

struct ScreenBins {
    int cols = 0, rows = 0;
    double cell_px = 0;
    std::vector<uint32_t> counts;  // row-major from the top-left cell
    uint32_t max_count = 0;
    size_t points_in_view = 0;
    bool aggregate = false;  // points_in_view > rule.max_points: draw the bins, not the points
};

// Counts the points inside `view` (working CRS, the whole screen of `width_px` x
// `height_px`) into cells of rule.cell_px.
ScreenBins bin_points(std::span<const Coord> points, const Envelope& view, double width_px, double height_px,
                      const AggregationRule& rule = {});
// A bin's colour: the YellowBrown ramp on a square-root scale of its count against the
// largest, so a few points still show.
Rgba bin_colour(uint32_t count, uint32_t max_count);

}  // namespace geo
