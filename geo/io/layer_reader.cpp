#include "geo/io/layer_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>


#include "geo/core/error.h"
#include "geo/core/geos_util.h"
#include "geo/io/dataset_open.h"
#include "geo/io/feature_collector.h"
#include "geo/io/gdal_errors.h"

namespace geo {

namespace {

FieldType field_type_of(OGRFieldType t)
{
    switch (t) {
    case OFTInteger:
    case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    default: return FieldType::String;  // dates, times, lists and binary are kept as their text
    }
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
            geometry.append_feature(layer.geometry, i);
        }
        fids.push_back(layer.fids[i]);
        for (size_t c = 0; c < columns.size(); ++c) {
            columns[c].push_from(layer.columns[c], i);
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
    if (source.only_fields) {
        std::vector<std::string> ignored;
        for (int i = 0; i < defn.GetFieldCount(); ++i) {
            const std::string name = defn.GetFieldDefn(i)->GetNameRef();
            if (std::find(source.only_fields->begin(), source.only_fields->end(), name) == source.only_fields->end())
                ignored.push_back(name);
        }
        for (const std::string& wanted : *source.only_fields)
            if (defn.GetFieldIndex(wanted.c_str()) < 0) throw Error("no field named '" + wanted + "'", where);
        std::vector<const char*> list;
        for (const auto& n : ignored) list.push_back(n.c_str());
        list.push_back(nullptr);
        ogr.SetIgnoredFields(list.data());
    }
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const OGRFieldDefn& fd = *defn.GetFieldDefn(i);
        if (fd.IsIgnored()) continue;
        layer.columns.emplace_back(fd.GetNameRef(), field_type_of(fd.GetType()));
    }

    const int64_t expected = ogr.GetFeatureCount(FALSE);
    if (expected > 0) {
        layer.fids.reserve(static_cast<size_t>(expected));
        layer.geometry.reserve(static_cast<size_t>(expected), static_cast<size_t>(expected));
        for (Column& c : layer.columns) c.reserve(static_cast<size_t>(expected));
    }
    // Text that is not UTF-8 is decoded as GBK unless the source names another encoding.
    FeatureCollector collector(layer, kind_of(ogr.GetGeomType()), source.encoding.empty() ? "CP936" : source.encoding,
                               opened.driver == "CSV");
    if (!collect_with_arrow(ogr, collector, progress)) collect_with_feature_loop(ogr, collector, progress);
    collector.finish();

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
