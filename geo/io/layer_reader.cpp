#include "geo/io/layer_reader.h"

#include <cmath>
#include <cstdio>
#include <unordered_map>

#include <cpl_string.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"
#include "geo/core/utf8.h"
#include "geo/io/dataset_open.h"
#include "geo/io/gdal_errors.h"

namespace geo {

namespace {

constexpr size_t kMaxWarnings = 20;

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

FieldType field_type_of(OGRFieldType t)
{
    switch (t) {
    case OFTInteger:
    case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    default: return FieldType::String;
    }
}

std::vector<Coord> ring_coords(const OGRSimpleCurve& curve)
{
    std::vector<Coord> out(static_cast<size_t>(curve.getNumPoints()));
    for (int i = 0; i < curve.getNumPoints(); ++i) out[static_cast<size_t>(i)] = {curve.getX(i), curve.getY(i)};
    return out;
}

// Appends the parts of `g` that have the column's dimension. Returns the number of parts
// added; sets `dropped_rings` when degenerate rings or lines had to be left out.
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
        const OGRPoint& p = *g.toPoint();
        const Coord c{p.getX(), p.getY()};
        out.begin_part();
        out.add_ring(std::span<const Coord>(&c, 1));
        return 1;
    }
    case GeomKind::Line: {
        if (type != wkbLineString) return 0;
        auto coords = ring_coords(*g.toLineString());
        if (coords.size() < 2) { dropped = true; return 0; }
        out.begin_part();
        out.add_ring(coords);
        return 1;
    }
    case GeomKind::Polygon: {
        if (type != wkbPolygon) return 0;
        const OGRPolygon& poly = *g.toPolygon();
        bool first = true;
        for (const OGRLinearRing* ring : poly) {
            auto coords = ring_coords(*ring);
            if (!coords.empty() && !(coords.front() == coords.back())) {
                coords.push_back(coords.front());
                dropped = true;  // an unclosed ring counts as a repair
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

bool all_finite(const GeometryColumn& g, size_t feature)
{
    const Envelope e = g.envelope(feature);
    return std::isfinite(e.min_x) && std::isfinite(e.min_y) && std::isfinite(e.max_x) &&
           std::isfinite(e.max_y);
}

// A copy of the layer keeping only rows whose `keep` flag is set, and for polygons, with
// repaired geometries swapped in (`replacement[i]` non-null).
void compact(Layer& layer, const std::vector<uint8_t>& keep, const GeosContext* geos,
             const std::vector<GeosGeom>* replacement)
{
    std::vector<FeatureNote> lost;
    GeometryColumn geometry(layer.geometry.kind());
    std::vector<int64_t> fids;
    std::vector<Column> columns;
    for (const Column& c : layer.columns) columns.emplace_back(c.name(), c.type());
    for (size_t i = 0; i < layer.size(); ++i) {
        if (!keep[i]) continue;
        if (replacement && (*replacement)[i]) {
            if (!append_from_geos(*geos, (*replacement)[i].get(), geometry)) {
                lost.push_back({layer.fids[i], "repair left no polygon (collapsed to lines or points)"});
                continue;
            }
        } else {
            const GeometryColumn& g = layer.geometry;
            geometry.begin_feature(g.is_multi(i));
            for (size_t p = g.part_begin(i); p < g.part_begin(i) + g.part_count(i); ++p) {
                geometry.begin_part();
                for (size_t r = g.ring_begin(p); r < g.ring_begin(p) + g.ring_count(p); ++r)
                    geometry.add_ring(g.ring(r));
            }
            geometry.end_feature();
        }
        fids.push_back(layer.fids[i]);
        for (size_t c = 0; c < columns.size(); ++c) {
            const Column& src = layer.columns[c];
            if (src.is_null(i)) columns[c].push_null();
            else if (src.type() == FieldType::Integer) columns[c].push_integer(src.integer(i));
            else if (src.type() == FieldType::Real) columns[c].push_real(src.real(i));
            else columns[c].push_string(src.string(i));
        }
    }
    layer.geometry = std::move(geometry);
    layer.fids = std::move(fids);
    for (const FeatureNote& note : lost) {
        std::erase_if(layer.report.repaired, [&](const FeatureNote& r) { return r.fid == note.fid; });
        layer.report.skipped.push_back(note);
    }
    layer.columns = std::move(columns);
}

// Adds `reason` to the note of feature `fid`, creating it if needed: one note per feature.
void add_note(std::vector<FeatureNote>& notes, std::unordered_map<int64_t, size_t>& index, int64_t fid,
              const std::string& reason)
{
    auto [it, inserted] = index.try_emplace(fid, notes.size());
    if (inserted) notes.push_back({fid, reason});
    else notes[it->second].reason += "; " + reason;
}

// "Self-intersection at 106.424805, 29.426758" with the place in the source CRS.
std::string describe_check(const PolygonCheck& check, const Transformer& to_source)
{
    std::string out = check.reason.empty() ? "invalid polygon" : check.reason;
    if (check.has_location) {
        Coord c = check.location;
        to_source.transform(std::span<Coord>(&c, 1));
        char buf[80];
        std::snprintf(buf, sizeof buf, " at %.6f, %.6f", c.x, c.y);
        out += buf;
    }
    return out;
}

}  // namespace

LayerProbe probe_layer(const LayerSource& source)
{
    OpenedLayer opened = open_layer(source);
    LayerProbe probe;
    probe.driver = opened.driver;
    probe.layer_name = opened.layer->GetName();
    probe.crs = opened.crs;
    probe.feature_count = opened.layer->GetFeatureCount(FALSE);
    OGREnvelope e;
    GdalErrorCapture quiet;
    if (opened.layer->GetExtent(&e, TRUE) == OGRERR_NONE) {
        Envelope box{e.MinX, e.MinY, e.MaxX, e.MaxY};
        probe.lonlat_extent = Transformer(opened.crs, wgs84()).transform(box);
    }
    return probe;
}

Layer read_layer(const LayerSource& source, const Crs& working, const Progress& progress)
{
    OpenedLayer opened = open_layer(source);
    OGRLayer& ogr = *opened.layer;
    const ErrorContext where{.file = source.path, .layer = ogr.GetName()};

    Layer layer;
    layer.name = ogr.GetName();
    layer.source = source.path;
    layer.driver = opened.driver;
    layer.source_crs = opened.crs.describe();
    layer.encoding = opened.encoding;
    if (source.coords != WebMapCoords::Wgs84) layer.coordinate_system = std::string(to_string(source.coords));
    layer.report.warnings = opened.warnings;

    OGRFeatureDefn& defn = *ogr.GetLayerDefn();
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const OGRFieldDefn& fd = *defn.GetFieldDefn(i);
        layer.columns.emplace_back(fd.GetNameRef(), field_type_of(fd.GetType()));
    }

    std::optional<GeomKind> kind = kind_of(ogr.GetGeomType());
    if (kind) layer.geometry = GeometryColumn(*kind);
    const int64_t expected = ogr.GetFeatureCount(FALSE);
    if (expected > 0) {
        layer.fids.reserve(static_cast<size_t>(expected));
        for (Column& c : layer.columns) c.reserve(static_cast<size_t>(expected));
    }
    // Decoding of text that is not UTF-8 (GBK unless the source names another encoding).
    const std::string fallback_encoding = source.encoding.empty() ? "CP936" : source.encoding;
    size_t recoded = 0;
    auto push_text = [&](Column& column, const char* text) {
        if (is_valid_utf8(text)) return column.push_string(text);
        char* utf8 = CPLRecode(text, fallback_encoding.c_str(), CPL_ENC_UTF8);
        column.push_string(utf8);
        CPLFree(utf8);
        ++recoded;
    };

    GdalErrorCapture capture;
    ogr.ResetReading();
    size_t index = 0;
    const size_t field_count = layer.columns.size();
    for (OGRFeatureUniquePtr f(ogr.GetNextFeature()); f; f.reset(ogr.GetNextFeature()), ++index) {
        if ((index & 0xFFFF) == 0 && expected > 0)
            progress(static_cast<double>(index) / static_cast<double>(expected), "reading " + layer.name);
        const int64_t fid = f->GetFID();
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            layer.report.skipped.push_back(
                {fid, g ? "empty geometry"
                        : opened.driver == "CSV" ? "no coordinates (empty or not a number)" : "no geometry"});
            continue;
        }
        std::unique_ptr<OGRGeometry> linear;
        if (g->hasCurveGeometry()) {
            linear.reset(g->getLinearGeometry());
            g = linear.get();
        }
        if (!kind) {
            // A layer of mixed or unknown type takes the dimension of its first geometry.
            kind = kind_of(g->getGeometryType());
            if (!kind) {
                layer.report.skipped.push_back({fid, std::string("unsupported geometry type ") + g->getGeometryName()});
                continue;
            }
            layer.geometry = GeometryColumn(*kind);
        }

        // Geometry: a plain point takes the fast path.
        if (*kind == GeomKind::Point && wkbFlatten(g->getGeometryType()) == wkbPoint) {
            layer.geometry.add_point({g->toPoint()->getX(), g->toPoint()->getY()});
        } else {
            const auto type = wkbFlatten(g->getGeometryType());
            layer.geometry.begin_feature(OGR_GT_IsSubClassOf(type, wkbGeometryCollection));
            bool dropped = false;
            if (append_parts(*g, layer.geometry, dropped) == 0) {
                layer.geometry.abandon_feature();
                layer.report.skipped.push_back(
                    {fid, kind_of(type) != kind
                              ? std::string("a ") + g->getGeometryName() + " in a " +
                                    std::string(to_string(*kind)) + " layer"
                              : "degenerate geometry (too few points)"});
                continue;
            }
            layer.geometry.end_feature();
            if (dropped) {
                layer.report.repaired.push_back(
                    {fid, *kind == GeomKind::Polygon ? "unclosed ring closed or ring with fewer than 4 points removed"
                                                     : "line with fewer than 2 points removed"});
            }
        }
        layer.fids.push_back(fid);
        for (size_t i = 0; i < field_count; ++i) {
            Column& column = layer.columns[i];
            const int fi = static_cast<int>(i);
            if (!f->IsFieldSetAndNotNull(fi)) {
                column.push_null();
                continue;
            }
            switch (column.type()) {
            case FieldType::Integer: column.push_integer(f->GetFieldAsInteger64(fi)); break;
            case FieldType::Real: column.push_real(f->GetFieldAsDouble(fi)); break;
            case FieldType::String: push_text(column, f->GetFieldAsString(fi)); break;
            }
        }
    }
    if (capture.has_error())
        throw Error("reading stopped after " + std::to_string(index) + " features: " +
                        capture.last_error(), where);
    for (const std::string& w : capture.warnings())
        if (layer.report.warnings.size() < kMaxWarnings) layer.report.warnings.push_back("GDAL: " + w);
    if (recoded > 0)
        layer.report.warnings.push_back(std::to_string(recoded) + " text values were not UTF-8 and were decoded as " +
                                        fallback_encoding);
    if (!kind) layer.geometry = GeometryColumn(GeomKind::Point);

    // Coordinates: web-map offsets out, then one bulk transformation to the working CRS.
    std::span<Coord> coords = layer.geometry.mutable_coords();
    progress(0.95, "transforming " + layer.name);
    if (source.coords != WebMapCoords::Wgs84)
        for (Coord& c : coords) c = to_wgs84(source.coords, c);
    Transformer(opened.crs, working).transform(coords);

    std::vector<uint8_t> keep(layer.size(), 1);
    bool any_dropped = false;
    for (size_t i = 0; i < layer.size(); ++i) {
        if (!all_finite(layer.geometry, i)) {
            keep[i] = 0;
            any_dropped = true;
            layer.report.skipped.push_back({layer.fids[i], "coordinates not finite or outside the valid area of " +
                                                               opened.crs.describe()});
        }
    }
    // Polygons: check validity in the working CRS and repair.
    std::vector<GeosGeom> repaired;
    GeosContext geos;
    if (layer.geometry.kind() == GeomKind::Polygon) {
        const Transformer to_source(working, opened.crs);
        std::unordered_map<int64_t, size_t> note_of;
        for (size_t i = 0; i < layer.report.repaired.size(); ++i) note_of[layer.report.repaired[i].fid] = i;
        repaired.resize(layer.size());
        for (size_t i = 0; i < layer.size(); ++i) {
            if (!keep[i]) continue;
            PolygonCheck check = check_polygon(geos, layer.geometry, i);
            if (check.valid) continue;
            GeosGeom fixed = make_valid(geos, layer.geometry, i);
            if (!fixed) {
                keep[i] = 0;
                any_dropped = true;
                layer.report.skipped.push_back({layer.fids[i], describe_check(check, to_source) + "; repair failed"});
                continue;
            }
            add_note(layer.report.repaired, note_of, layer.fids[i], describe_check(check, to_source));
            repaired[i] = std::move(fixed);
        }
    }
    const bool any_repaired = std::any_of(repaired.begin(), repaired.end(), [](const GeosGeom& g) { return bool(g); });
    if (any_dropped || any_repaired) compact(layer, keep, &geos, any_repaired ? &repaired : nullptr);
    auto by_fid = [](const FeatureNote& a, const FeatureNote& b) { return a.fid < b.fid; };
    std::stable_sort(layer.report.repaired.begin(), layer.report.repaired.end(), by_fid);
    std::stable_sort(layer.report.skipped.begin(), layer.report.skipped.end(), by_fid);
    progress(1.0, "read " + layer.name);
    return layer;
}

}  // namespace geo
