#include "geo/core/triangulate.h"

#include <geos_c.h>

#include "geo/core/geos_util.h"

namespace geo {

namespace {

GeosContext& thread_context()
{
    thread_local GeosContext ctx;
    return ctx;
}

}  // namespace

size_t triangulate_polygon(const GeometryColumn& polygons, size_t feature, std::vector<Coord>& out)
{
    const GeosContext& ctx = thread_context();
    GEOSContextHandle_t h = ctx.handle();
    GeosGeom g = to_geos(ctx, polygons, feature);
    if (!g) return 0;
    GeosGeom tris(GEOSConstrainedDelaunayTriangulation_r(h, g.get()), GeosGeomDeleter{h});
    if (!tris) return 0;
    size_t count = 0;
    for (int i = 0; i < GEOSGetNumGeometries_r(h, tris.get()); ++i) {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris.get(), i);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, tri));
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        if (n < 4) continue;
        for (unsigned k = 0; k < 3; ++k) {
            Coord c;
            GEOSCoordSeq_getXY_r(h, seq, k, &c.x, &c.y);
            out.push_back(c);
        }
        ++count;
    }
    return count;
}

Coord label_point(const GeometryColumn& polygons, size_t feature)
{
    const GeosContext& ctx = thread_context();
    GEOSContextHandle_t h = ctx.handle();
    GeosGeom g = to_geos(ctx, polygons, feature);
    GeosGeom p(g ? GEOSPointOnSurface_r(h, g.get()) : nullptr, GeosGeomDeleter{h});
    Coord c = polygons.envelope(feature).centre();
    if (p && !GEOSisEmpty_r(h, p.get())) {
        GEOSGeomGetX_r(h, p.get(), &c.x);
        GEOSGeomGetY_r(h, p.get(), &c.y);
    }
    return c;
}

}  // namespace geo
