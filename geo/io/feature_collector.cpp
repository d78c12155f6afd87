#include "geo/io/feature_collector.h"

#include <cpl_string.h>

#include "geo/core/error.h"
#include "geo/core/utf8.h"
#include "geo/io/gdal_errors.h"

namespace geo {

namespace {

std::vector<Coord> ring_coords(const OGRSimpleCurve& curve)
{
    std::vector<Coord> out(static_cast<size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i) out[static_cast<size_t>(i)] = {curve.getX(i), curve.getY(i)};
    return out;
}

// Appends the parts of `g` that have the column's dimension and returns how many; sets
// `dropped` when degenerate rings or lines had to be left out or a ring had to be closed.
size_t append_parts(const OGRGeometry& g, GeometryColumn& out, bool& dropped)
{
    const auto type = wkbFlatten(g.getGeometryType());
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
        size_t n = 0;
        for (const OGRGeometry* part : *g.toGeometryCollection()) n += append_parts(*part, out, dropped);
        return n;
    }
    if (g.IsEmpty()) return 0;
    switch (out.kind()) {
    case GeomKind::Point: {
        if (type != wkbPoint) return 0;
        const Coord c{g.toPoint()->getX(), g.toPoint()->getY()};
        out.begin_part();
        out.add_ring(std::span<const Coord>(&c, 1));
        return 1;
    }
    case GeomKind::Line: {
        if (type != wkbLineString) return 0;
        auto coords = ring_coords(*g.toLineString());
        if (coords.size() < 2) {
            dropped = true;
            return 0;
        }
        out.begin_part();
        out.add_ring(coords);
        return 1;
    }
    case GeomKind::Polygon: {
        if (type != wkbPolygon) return 0;
        bool first = true;
        for (const OGRLinearRing* ring : *g.toPolygon()) {
            auto coords = ring_coords(*ring);
            if (!coords.empty() && !(coords.front() == coords.back())) {
                coords.push_back(coords.front());
                dropped = true;
            }
            if (coords.size() < 4) {
                dropped = true;
                if (first) return 0;  // no usable shell: the whole polygon goes
                continue;
            }
            if (first) out.begin_part();
            out.add_ring(coords);
            first = false;
        }
        return first ? 0 : 1;
    }
    }
    return 0;
}

}  // namespace

std::optional<GeomKind> kind_of(OGRwkbGeometryType type)
{
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint: return GeomKind::Point;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve: return GeomKind::Line;
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbTriangle:
    case wkbPolyhedralSurface:
    case wkbTIN: return GeomKind::Polygon;
    default: return std::nullopt;
    }
}

std::optional<GeomKind> highest_kind_in(const OGRGeometry& g)
{
    const auto type = wkbFlatten(g.getGeometryType());
    if (!OGR_GT_IsSubClassOf(type, wkbGeometryCollection) || type == wkbMultiPoint || type == wkbMultiLineString ||
        type == wkbMultiPolygon)
        return kind_of(type);
    std::optional<GeomKind> best;
    for (const OGRGeometry* part : *g.toGeometryCollection())
        if (auto k = highest_kind_in(*part); k && (!best || *k > *best)) best = k;
    return best;
}

FeatureCollector::FeatureCollector(Layer& layer, std::optional<GeomKind> kind, std::optional<GeomKind> wanted,
                                   std::string fallback_encoding, bool is_csv)
    : m_layer(layer), m_kind(kind), m_wanted(wanted), m_fallback_encoding(std::move(fallback_encoding)), m_is_csv(is_csv)
{
    if (m_kind) m_layer.geometry = GeometryColumn(*m_kind);
}

bool FeatureCollector::ensure_kind(int64_t fid, const OGRGeometry& g)
{
    if (m_kind) return true;
    // A layer of mixed or unknown type takes the dimension its role wants, else the highest
    // dimension of its first geometry (looking inside collections).
    m_kind = m_wanted ? m_wanted : highest_kind_in(g);
    if (!m_kind) {
        m_layer.report.skipped.push_back({fid, std::string("unsupported geometry type ") + g.getGeometryName()});
        return false;
    }
    m_layer.geometry = GeometryColumn(*m_kind);
    return true;
}

bool FeatureCollector::add_point(int64_t fid, double x, double y)
{
    if (!m_kind) {
        m_kind = GeomKind::Point;
        m_layer.geometry = GeometryColumn(GeomKind::Point);
    }
    if (*m_kind != GeomKind::Point) {
        m_layer.report.skipped.push_back({fid, "a Point in a " + std::string(to_string(*m_kind)) + " layer"});
        return false;
    }
    m_layer.geometry.add_point({x, y});
    m_layer.fids.push_back(fid);
    return true;
}

bool FeatureCollector::add_geometry(int64_t fid, const OGRGeometry* g)
{
    if (!g || g->IsEmpty()) {
        m_layer.report.skipped.push_back(
            {fid, g ? "empty geometry" : m_is_csv ? "no coordinates (empty or not a number)" : "no geometry"});
        return false;
    }
    std::unique_ptr<OGRGeometry> linear;
    if (g->hasCurveGeometry()) {
        linear.reset(g->getLinearGeometry());
        g = linear.get();
    }
    if (!ensure_kind(fid, *g)) return false;
    const auto type = wkbFlatten(g->getGeometryType());
    if (*m_kind == GeomKind::Point && type == wkbPoint) return add_point(fid, g->toPoint()->getX(), g->toPoint()->getY());

    GeometryColumn& column = m_layer.geometry;
    column.begin_feature(OGR_GT_IsSubClassOf(type, wkbGeometryCollection));
    bool dropped = false;
    if (append_parts(*g, column, dropped) == 0) {
        column.abandon_feature();
        m_layer.report.skipped.push_back(
            {fid, OGR_GT_IsSubClassOf(type, wkbGeometryCollection) && highest_kind_in(*g) != m_kind
                      ? std::string("a ") + g->getGeometryName() + " with no " + std::string(to_string(*m_kind)) + " in it"
                  : kind_of(type) != m_kind
                      ? std::string("a ") + g->getGeometryName() + " in a " + std::string(to_string(*m_kind)) + " layer"
                      : "degenerate geometry (too few points)"});
        return false;
    }
    column.end_feature();
    if (dropped)
        m_layer.report.repaired.push_back(
            {fid, *m_kind == GeomKind::Polygon ? "unclosed ring closed or ring with fewer than 4 points removed"
                                               : "line with fewer than 2 points removed"});
    m_layer.fids.push_back(fid);
    return true;
}

void FeatureCollector::push_text(Column& column, std::string_view text)
{
    if (is_valid_utf8(text)) return column.push_string(text);
    m_scratch.assign(text);
    char* utf8 = CPLRecode(m_scratch.c_str(), m_fallback_encoding.c_str(), CPL_ENC_UTF8);
    column.push_string(utf8);
    CPLFree(utf8);
    ++m_recoded;
}

void FeatureCollector::checkpoint(int64_t expected)
{
    const size_t rows = m_layer.size();
    if (m_text_reserved || rows < 4096 || expected <= static_cast<int64_t>(rows)) return;
    m_text_reserved = true;
    for (Column& c : m_layer.columns)
        if (c.type() == FieldType::String)
            c.reserve_text(static_cast<size_t>(static_cast<double>(c.text_bytes()) / static_cast<double>(rows) *
                                               static_cast<double>(expected) * 1.05));
}

void FeatureCollector::finish()
{
    const bool utf8_declared = m_fallback_encoding == "UTF-8" || m_fallback_encoding == "UTF8" || m_fallback_encoding == "utf-8" ||
                               m_fallback_encoding == "utf8";
    size_t bad_names = 0;
    for (const Column& c : m_layer.columns) bad_names += !is_valid_utf8(c.name());
    if (utf8_declared && (m_recoded > 0 || bad_names > 0))
        m_layer.report.warnings.push_back(std::to_string(bad_names) + " field names and " + std::to_string(m_recoded) +
                                          " text values are not valid UTF-8 although the encoding was given as UTF-8, so "
                                          "fields cannot be bound by name: is the file GBK? try --encoding CP936");
    else if (m_recoded > 0)
        m_layer.report.warnings.push_back(std::to_string(m_recoded) + " text values were not UTF-8 and were decoded as " +
                                          m_fallback_encoding);
    if (!m_kind) m_layer.geometry = GeometryColumn(m_wanted.value_or(GeomKind::Point));
    if (m_layer.size() == 0 && !m_layer.report.skipped.empty())
        m_layer.report.warnings.push_back("none of its " + std::to_string(m_layer.report.skipped.size()) +
                                          " features could be used (see the skipped features)");
}

void collect_with_feature_loop(OGRLayer& ogr, FeatureCollector& out, const Progress& progress)
{
    Layer& layer = out.layer();
    const int64_t expected = ogr.GetFeatureCount(FALSE);
    GdalErrorCapture capture;
    ogr.ResetReading();
    size_t index = 0;
    const size_t field_count = layer.columns.size();
    std::vector<int> field_index;  // the OGR field of each column (some fields may be ignored)
    for (const Column& c : layer.columns) field_index.push_back(ogr.GetLayerDefn()->GetFieldIndex(c.name().c_str()));
    for (OGRFeatureUniquePtr f(ogr.GetNextFeature()); f; f.reset(ogr.GetNextFeature()), ++index) {
        if ((index & 0x3FFF) == 0 && expected > 0) {
            progress(0.9 * static_cast<double>(index) / static_cast<double>(expected), "reading " + layer.name);
            out.checkpoint(expected);
        }
        if (!out.add_geometry(f->GetFID(), f->GetGeometryRef())) continue;
        for (size_t i = 0; i < field_count; ++i) {
            Column& column = layer.columns[i];
            const int fi = field_index[i];
            if (!f->IsFieldSetAndNotNull(fi)) {
                column.push_null();
                continue;
            }
            switch (column.type()) {
            case FieldType::Integer: column.push_integer(f->GetFieldAsInteger64(fi)); break;
            case FieldType::Real: column.push_real(f->GetFieldAsDouble(fi)); break;
            case FieldType::String: out.push_text(column, f->GetFieldAsString(fi)); break;
            }
        }
    }
    if (capture.has_error())
        throw Error("reading stopped after " + std::to_string(index) + " features: " + capture.last_error(),
                    {.file = layer.source, .layer = layer.name});
    for (const std::string& w : capture.warnings())
        if (layer.report.warnings.size() < 20) layer.report.warnings.push_back("GDAL: " + w);
}

}  // namespace geo
