#include "geo/overlay/spatial_select.h"

#include <algorithm>

#include <geos_c.h>

#include "geo/core/geos_util.h"

namespace geo {

std::vector<uint32_t> select_in_area(const GeometryColumn& geometry, const FeatureIndex& index, const std::vector<Coord>& input)
{
    std::vector<Coord> ring = input;
    if (ring.size() >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) ring.pop_back();
    if (ring.size() < 3) return {};
    Envelope box;
    for (const Coord& c : ring) box.expand(c.x, c.y);
    if (box.width() <= 0 || box.height() <= 0) return {};

    GeosContext ctx;
    GeometryColumn area(GeomKind::Polygon);
    ring.push_back(ring.front());
    area.begin_feature(false);
    area.begin_part();
    area.add_ring(ring);
    area.end_feature();
    GeosGeom shape = to_geos(ctx, area, 0);
    if (!shape) return {};
    // A self-crossing lasso is repaired, as a planner would mean it.
    if (!GEOSisValid_r(ctx.handle(), shape.get())) {
        GeosGeom fixed(GEOSMakeValid_r(ctx.handle(), shape.get()), GeosGeomDeleter{ctx.handle()});
        if (!fixed) return {};
        shape = std::move(fixed);
    }
    double area_m2 = 0;
    if (GEOSArea_r(ctx.handle(), shape.get(), &area_m2) != 1 || area_m2 <= 0) return {};  // collinear: no area to select in
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx.handle(), shape.get());
    std::vector<uint32_t> out;
    for (uint32_t f : index.in_box(box)) {
        GeosGeom g = to_geos(ctx, geometry, f);
        if (g && GEOSPreparedIntersects_r(ctx.handle(), prepared, g.get()) == 1) out.push_back(f);
    }
    GEOSPreparedGeom_destroy_r(ctx.handle(), prepared);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<uint32_t> select_in_box(const GeometryColumn& geometry, const FeatureIndex& index, const Envelope& b)
{
    return select_in_area(geometry, index, {{b.min_x, b.min_y}, {b.max_x, b.min_y}, {b.max_x, b.max_y}, {b.min_x, b.max_y}});
}

}  // namespace geo
