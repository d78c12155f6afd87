#include "geo/core/geos_util.h"

#include <cstdarg>
#include <vector>

#include <geos_c.h>

namespace geo {

namespace {

void on_geos_message(const char* fmt, ...)
{
    (void)fmt;  // notices are not errors; the C API reports failure through return values
}

void on_geos_error_r(const char* message, void* userdata)
{
    *static_cast<std::string*>(userdata) = message ? message : "";
}

GEOSGeometry* make_ring(GEOSContextHandle_t h, std::span<const Coord> ring, bool linear_ring)
{
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(ring.size()), 2);
    for (unsigned i = 0; i < ring.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, ring[i].x, ring[i].y);
    return linear_ring ? GEOSGeom_createLinearRing_r(h, seq) : GEOSGeom_createLineString_r(h, seq);
}

void append_parts(GEOSContextHandle_t h, const GEOSGeometry* g, GeomKind kind, GeometryColumn& out,
                  size_t& parts)
{
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOLYGON ||
        type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i)
            append_parts(h, GEOSGetGeometryN_r(h, g, i), kind, out, parts);
        return;
    }
    if (GEOSisEmpty_r(h, g)) return;
    auto read_seq = [&](const GEOSGeometry* line) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, line);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        std::vector<Coord> coords(n);
        for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &coords[i].x, &coords[i].y);
        return coords;
    };
    if (kind == GeomKind::Point && type == GEOS_POINT) {
        out.begin_part();
        out.add_ring(read_seq(g));
        ++parts;
    } else if (kind == GeomKind::Line && (type == GEOS_LINESTRING || type == GEOS_LINEARRING)) {
        out.begin_part();
        out.add_ring(read_seq(g));
        ++parts;
    } else if (kind == GeomKind::Polygon && type == GEOS_POLYGON) {
        out.begin_part();
        out.add_ring(read_seq(GEOSGetExteriorRing_r(h, g)));
        for (int i = 0; i < GEOSGetNumInteriorRings_r(h, g); ++i)
            out.add_ring(read_seq(GEOSGetInteriorRingN_r(h, g, i)));
        ++parts;
    }
}

}  // namespace

GeosContext::GeosContext() : m_handle(GEOS_init_r())
{
    GEOSContext_setNoticeHandler_r(m_handle, on_geos_message);
    GEOSContext_setErrorMessageHandler_r(m_handle, on_geos_error_r, &m_last_error);
}

GeosContext::~GeosContext() { GEOS_finish_r(m_handle); }

void GeosGeomDeleter::operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(ctx, g); }

GeosGeom to_geos(const GeosContext& ctx, const GeometryColumn& col, size_t feature)
{
    GEOSContextHandle_t h = ctx.handle();
    std::vector<GEOSGeometry*> parts;
    const size_t p0 = col.part_begin(feature);
    for (size_t p = p0; p < p0 + col.part_count(feature); ++p) {
        const size_t r0 = col.ring_begin(p);
        switch (col.kind()) {
        case GeomKind::Point: {
            const Coord c = col.ring(r0)[0];
            parts.push_back(GEOSGeom_createPointFromXY_r(h, c.x, c.y));
            break;
        }
        case GeomKind::Line: parts.push_back(make_ring(h, col.ring(r0), false)); break;
        case GeomKind::Polygon: {
            GEOSGeometry* shell = make_ring(h, col.ring(r0), true);
            std::vector<GEOSGeometry*> holes;
            for (size_t r = r0 + 1; r < r0 + col.ring_count(p); ++r)
                holes.push_back(make_ring(h, col.ring(r), true));
            parts.push_back(GEOSGeom_createPolygon_r(h, shell, holes.data(),
                                                     static_cast<unsigned>(holes.size())));
            break;
        }
        }
    }
    GEOSGeometry* g = nullptr;
    if (parts.size() == 1 && !col.is_multi(feature)) {
        g = parts[0];
    } else {
        const int type = col.kind() == GeomKind::Point  ? GEOS_MULTIPOINT
                         : col.kind() == GeomKind::Line ? GEOS_MULTILINESTRING
                                                        : GEOS_MULTIPOLYGON;
        g = GEOSGeom_createCollection_r(h, type, parts.data(), static_cast<unsigned>(parts.size()));
    }
    return GeosGeom(g, GeosGeomDeleter{h});
}

bool append_from_geos(const GeosContext& ctx, const GEOSGeometry* g, GeometryColumn& column)
{
    GEOSContextHandle_t h = ctx.handle();
    const int type = GEOSGeomTypeId_r(h, g);
    const bool multi = type == GEOS_MULTIPOINT || type == GEOS_MULTILINESTRING ||
                       type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION;
    column.begin_feature(multi);
    size_t parts = 0;
    append_parts(h, g, column.kind(), column, parts);
    if (parts == 0) {
        column.abandon_feature();
        return false;
    }
    column.end_feature();
    return true;
}

PolygonCheck check_polygon(const GeosContext& ctx, const GeometryColumn& column, size_t feature)
{
    GeosGeom g = to_geos(ctx, column, feature);
    if (!g) return {false, "cannot be built as a polygon"};
    char* reason = nullptr;
    GEOSGeometry* location = nullptr;
    const char valid = GEOSisValidDetail_r(ctx.handle(), g.get(), 0, &reason, &location);
    PolygonCheck result;
    result.valid = valid == 1;
    if (!result.valid && reason) {
        result.reason = reason;
        if (location)
            result.has_location = GEOSGeomGetX_r(ctx.handle(), location, &result.location.x) &&
                                  GEOSGeomGetY_r(ctx.handle(), location, &result.location.y);
    }
    if (reason) GEOSFree_r(ctx.handle(), reason);
    if (location) GEOSGeom_destroy_r(ctx.handle(), location);
    return result;
}

GeosGeom make_valid(const GeosContext& ctx, const GeometryColumn& column, size_t feature)
{
    GeosGeom g = to_geos(ctx, column, feature);
    return GeosGeom(GEOSMakeValid_r(ctx.handle(), g.get()), GeosGeomDeleter{ctx.handle()});
}

}  // namespace geo
