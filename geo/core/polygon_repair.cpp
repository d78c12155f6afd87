#include "geo/core/polygon_repair.h"

#include <geos_c.h>

#include "geo/core/segment_crossings.h"

namespace geo {

namespace {

size_t vertex_count(const GeometryColumn& column, size_t feature)
{
    size_t n = 0;
    const size_t end = column.part_begin(feature) + column.part_count(feature);
    for (size_t part = column.part_begin(feature); part < end; ++part)
        for (size_t r = 0; r < column.ring_count(part); ++r) n += column.ring(column.ring_begin(part) + r).size();
    return n;
}

}  // namespace

RepairOutcome repair_polygon(const GeosContext& ctx, const GeometryColumn& column, size_t feature, const RepairBudget& budget)
{
    RepairOutcome out;
    const size_t vertices = vertex_count(column, feature);
    if (vertices > budget.max_vertices) {
        out.refused = "not repaired: " + std::to_string(vertices) + " vertices, over the repair budget of " +
                      std::to_string(budget.max_vertices);
        return out;
    }
    const CrossingCount crossings = count_segment_crossings(column, feature, budget.max_crossings, budget.max_sweep_pairs);
    if (crossings.capped) {
        out.refused = "not repaired: " + std::string(crossings.crossings >= budget.max_crossings ? "at least " : "") +
                      std::to_string(crossings.crossings) + " edge crossings among " + std::to_string(vertices) +
                      " vertices, over the repair budget of " + std::to_string(budget.max_crossings) +
                      " crossings (simplify or fix it in a GIS, then reload)";
        return out;
    }
    GeosGeom g = to_geos(ctx, column, feature);
    if (!g) {
        out.refused = "cannot be built as a polygon";
        return out;
    }
    GEOSContextHandle_t h = ctx.handle();
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h);
    GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0);
    out.geometry = GeosGeom(GEOSMakeValidWithParams_r(h, g.get(), params), GeosGeomDeleter{h});
    GEOSMakeValidParams_destroy_r(h, params);
    out.method = "GEOS make-valid (structure)";
    if (!out.geometry || GEOSisEmpty_r(h, out.geometry.get()) == 1) {
        out.geometry = GeosGeom(GEOSMakeValid_r(h, g.get()), GeosGeomDeleter{h});
        out.method = "GEOS make-valid (linework)";
    }
    return out;
}

}  // namespace geo
