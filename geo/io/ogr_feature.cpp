#include "geo/io/ogr_feature.h"

#include <span>
#include <vector>

namespace geo {

namespace {

OGRwkbGeometryType ogr_type(GeomKind kind)
{
    switch (kind) {
    case GeomKind::Point: return wkbPoint;
    case GeomKind::Line: return wkbLineString;
    case GeomKind::Polygon: return wkbPolygon;
    }
    return wkbUnknown;
}

}  // namespace

std::unique_ptr<OGRGeometry> to_ogr(const GeometryColumn& g, size_t feature, bool force_multi)
{
    std::vector<std::unique_ptr<OGRGeometry>> parts;
    for (size_t p = g.part_begin(feature); p < g.part_begin(feature) + g.part_count(feature); ++p) {
        const size_t r0 = g.ring_begin(p);
        auto line = [&](OGRSimpleCurve& curve, std::span<const Coord> ring) {
            curve.setNumPoints(static_cast<int>(ring.size()), FALSE);
            for (size_t i = 0; i < ring.size(); ++i) curve.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
        };
        switch (g.kind()) {
        case GeomKind::Point: parts.push_back(std::make_unique<OGRPoint>(g.ring(r0)[0].x, g.ring(r0)[0].y)); break;
        case GeomKind::Line: {
            auto ls = std::make_unique<OGRLineString>();
            line(*ls, g.ring(r0));
            parts.push_back(std::move(ls));
            break;
        }
        case GeomKind::Polygon: {
            auto poly = std::make_unique<OGRPolygon>();
            for (size_t r = r0; r < r0 + g.ring_count(p); ++r) {
                auto ring = std::make_unique<OGRLinearRing>();
                line(*ring, g.ring(r));
                poly->addRingDirectly(ring.release());
            }
            parts.push_back(std::move(poly));
            break;
        }
        }
    }
    if (parts.size() == 1 && !g.is_multi(feature) && !force_multi) return std::move(parts[0]);
    std::unique_ptr<OGRGeometryCollection> multi;
    switch (g.kind()) {
    case GeomKind::Point: multi = std::make_unique<OGRMultiPoint>(); break;
    case GeomKind::Line: multi = std::make_unique<OGRMultiLineString>(); break;
    case GeomKind::Polygon: multi = std::make_unique<OGRMultiPolygon>(); break;
    }
    for (auto& part : parts) multi->addGeometryDirectly(part.release());
    return multi;
}

bool any_multi(const GeometryColumn& g)
{
    for (size_t i = 0; i < g.size(); ++i)
        if (g.is_multi(i)) return true;
    return false;
}

OGRwkbGeometryType ogr_layer_type(const GeometryColumn& g)
{
    const OGRwkbGeometryType type = ogr_type(g.kind());
    return any_multi(g) ? OGR_GT_GetCollection(type) : type;
}

void create_fields(OGRLayer& out, const Layer& layer, const ErrorContext& where, GdalErrorCapture& capture)
{
    for (const Column& c : layer.columns) {
        OGRFieldDefn fd(c.name().c_str(), c.type() == FieldType::Integer ? OFTInteger64
                                          : c.type() == FieldType::Real  ? OFTReal
                                                                         : OFTString);
        if (out.CreateField(&fd) != OGRERR_NONE) {
            ErrorContext at = where;
            at.field = c.name();
            throw Error("cannot create field: " + capture.last_error(), at);
        }
    }
}

void set_fields(OGRFeature& f, const Layer& layer, size_t row)
{
    for (size_t c = 0; c < layer.columns.size(); ++c) {
        const Column& col = layer.columns[c];
        const int fi = static_cast<int>(c);
        if (col.is_null(row)) f.SetFieldNull(fi);
        else if (col.type() == FieldType::Integer) f.SetField(fi, static_cast<GIntBig>(col.integer(row)));
        else if (col.type() == FieldType::Real) f.SetField(fi, col.real(row));
        else f.SetField(fi, std::string(col.string(row)).c_str());
    }
}

}  // namespace geo
