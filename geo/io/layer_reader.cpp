#include "geo/io/layer_reader.h"

#include <algorithm>
#include <numeric>
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

bool in_lonlat_range(Coord c)
{
    return std::isfinite(c.x) && std::isfinite(c.y) && std::abs(c.x) <= 180.0 && std::abs(c.y) <= 90.0;
}

// Every coordinate, not the box: a box may pass over a NaN.
bool all_finite(const GeometryColumn& g, size_t feature)
{
    const size_t end = g.part_begin(feature) + g.part_count(feature);
    for (size_t part = g.part_begin(feature); part < end; ++part)
        for (size_t r = 0; r < g.ring_count(part); ++r)
            for (const Coord& c : g.ring(g.ring_begin(part) + r))
                if (!std::isfinite(c.x) || !std::isfinite(c.y)) return false;
    return true;
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

SourceLayer read_source_layer(const LayerSource& source, const Progress& progress)
{
    OpenedLayer opened = open_layer(source);
    OGRLayer& ogr = *opened.layer;
    const ErrorContext where{.file = source.path, .layer = ogr.GetName()};

    SourceLayer out;
    Layer& layer = out.layer;
    layer.name = source.sql.empty() ? ogr.GetName() : "query";
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

    // Declared web-map coordinates are offset from the source CRS they claim: no filter on them.
    if (source.within && !source.within->empty() && source.coords == WebMapCoords::Wgs84) {
        // The box's edges, densified, in the source's CRS: their extent is the filter.
        const Envelope& b = *source.within;
        std::vector<Coord> edge;
        for (int k = 0; k <= 20; ++k) {
            const double t = k / 20.0;
            const double x = b.min_x + t * b.width(), y = b.min_y + t * b.height();
            edge.insert(edge.end(), {{x, b.min_y}, {x, b.max_y}, {b.min_x, y}, {b.max_x, y}});
        }
        {
            GdalErrorCapture quiet;  // corners outside the source CRS's domain are left out, not printed
            Transformer(parse_crs(source.within_crs), opened.crs).transform(edge);
        }
        Envelope box;
        for (const Coord& c : edge)
            if (std::isfinite(c.x) && std::isfinite(c.y)) box.expand(c.x, c.y);
        if (!box.empty()) ogr.SetSpatialFilterRect(box.min_x, box.min_y, box.max_x, box.max_y);
        layer.report.warnings.push_back("read only the features within the box of the analysed area (" + std::to_string(ogr.GetFeatureCount(FALSE)) +
                                        " of them)");
    }
    const int64_t expected = ogr.GetFeatureCount(FALSE);
    if (expected > 0) {
        layer.fids.reserve(static_cast<size_t>(expected));
        layer.geometry.reserve(static_cast<size_t>(expected), static_cast<size_t>(expected));
        for (Column& c : layer.columns) c.reserve(static_cast<size_t>(expected));
    }
    // Text that is not UTF-8 is decoded as GBK unless the source names another encoding.
    FeatureCollector collector(layer, kind_of(ogr.GetGeomType()), source.wanted,
                               source.encoding.empty() ? "CP936" : source.encoding, opened.driver == "CSV");
    if (!collect_with_arrow(ogr, collector, progress)) collect_with_feature_loop(ogr, collector, progress);
    collector.finish();

    // A spatial index hands features over in its own order: back into feature-id order, so that
    // a filtered read holds them as the whole read does (and sums come out the same).
    if (source.within && !std::is_sorted(layer.fids.begin(), layer.fids.end())) {
        std::vector<uint32_t> order(layer.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return layer.fids[a] < layer.fids[b]; });
        layer = reorder_rows(layer, order);
    }
    out.crs = opened.crs;
    if (source.coords != WebMapCoords::Wgs84) {
        for (Coord& c : layer.geometry.mutable_coords())
            if (std::isfinite(c.x) && std::isfinite(c.y)) c = to_wgs84(source.coords, c);
        out.crs = wgs84();
    }
    return out;
}

std::vector<Coord> lonlat_centres(const SourceLayer& source, size_t max_features)
{
    const Layer& layer = source.layer;
    const size_t n = layer.size();
    const size_t step = n <= max_features || max_features == 0 ? 1 : (n + max_features - 1) / max_features;
    std::vector<Coord> centres;
    centres.reserve(n / step + 1);
    for (size_t i = 0; i < n; i += step) {
        const Envelope e = layer.geometry.envelope(i);
        const Coord c = e.centre();
        if (std::isfinite(c.x) && std::isfinite(c.y)) centres.push_back(c);
    }
    GdalErrorCapture quiet;  // PROJ's "point outside of projection domain": such points become infinite
    Transformer(source.crs, wgs84()).transform(centres);
    std::erase_if(centres, [](const Coord& c) { return !in_lonlat_range(c); });
    return centres;
}

Layer project_layer(SourceLayer source, const Crs& working, const Progress& progress, const RepairBudget& budget)
{
    Layer layer = std::move(source.layer);
    const Crs& from = source.crs;
    std::vector<uint8_t> keep(layer.size(), 1);
    bool any_dropped = false;
    auto skip = [&](size_t i, std::string reason) {
        keep[i] = 0;
        any_dropped = true;
        layer.report.skipped.push_back({layer.fids[i], std::move(reason)});
    };

    // Coordinates that are wrong in the source itself.
    for (size_t i = 0; i < layer.size(); ++i) {
        const Envelope e = layer.geometry.envelope(i);
        char buf[160];
        if (!all_finite(layer.geometry, i)) {
            skip(i, "coordinates not finite (NaN or infinite) in the source");
        } else if (from.is_geographic() && !(in_lonlat_range({e.min_x, e.min_y}) && in_lonlat_range({e.max_x, e.max_y}))) {
            const Coord bad = in_lonlat_range({e.min_x, e.min_y}) ? Coord{e.max_x, e.max_y} : Coord{e.min_x, e.min_y};
            std::snprintf(buf, sizeof buf, "coordinates %.6g, %.6g are not a longitude/latitude in %s", bad.x, bad.y,
                          from.describe().c_str());
            skip(i, buf);
        }
    }

    // Features far from a Transverse Mercator zone's central meridian, measured on the
    // sphere before projecting (the projection folds the far side of the globe back near the
    // meridian): the scale error is 1/sqrt(1 - B^2) - 1 with B = cos(lat) sin(dlon), 1% at
    // about 8 degrees of longitude at the equator; beyond 90 degrees it is another hemisphere.
    const OGRSpatialReference& w = *working.srs;
    const char* projection = w.GetAttrValue("PROJECTION");
    if (projection && std::string(projection) == SRS_PT_TRANSVERSE_MERCATOR && layer.size() > 0) {
        const double cm = w.GetProjParm(SRS_PP_CENTRAL_MERIDIAN, 0.0);
        auto geog = std::make_shared<OGRSpatialReference>();
        geog->CopyGeogCSFrom(&w);
        geog->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::vector<Coord> centres(layer.size());
        for (size_t i = 0; i < layer.size(); ++i) centres[i] = keep[i] ? layer.geometry.envelope(i).centre() : Coord{NAN, NAN};
        {
            GdalErrorCapture quiet;
            Transformer(from, Crs{geog}).transform(centres);
        }
        std::vector<int64_t> far;
        double worst = 0, worst_lon = cm;
        for (size_t i = 0; i < layer.size(); ++i) {
            if (!keep[i] || !std::isfinite(centres[i].x) || !std::isfinite(centres[i].y)) continue;
            const double dlon = std::remainder(centres[i].x - cm, 360.0);
            const double b = std::cos(centres[i].y * M_PI / 180) * std::sin(dlon * M_PI / 180);
            const double error = std::abs(dlon) > 90 ? INFINITY : 1 / std::sqrt(1 - b * b) - 1;
            if (error > 0.01) far.push_back(layer.fids[i]);
            else if (error > worst) {
                worst = error;
                worst_lon = centres[i].x;
            }
        }
        if (!far.empty()) {
            std::string ids;
            for (size_t k = 0; k < far.size() && k < 20; ++k) ids += (k ? ", " : "") + std::to_string(far[k]);
            if (far.size() > 20) ids += ", ... (" + std::to_string(far.size()) + " in all)";
            layer.report.warnings.push_back("features far outside the zone of the working CRS " + working.describe() +
                                            " (lengths off by more than 1%; check their coordinates): fid " + ids);
        }
        if (worst > 0.001) {
            char buf[320];
            std::snprintf(buf, sizeof buf,
                          "features reach %.2f%c, %.1f degrees from the central meridian of %s, where lengths are off by %.2f%%; "
                          "a project this wide is better split, or given a working_crs of its own",
                          std::abs(worst_lon), worst_lon >= 0 ? 'E' : 'W', std::abs(std::remainder(worst_lon - cm, 360.0)),
                          working.describe().c_str(), 100 * worst);
            layer.report.warnings.push_back(buf);
        }
    }

    // One bulk transformation; PROJ's complaints about single points are turned into skips.
    progress(0.95, "transforming " + layer.name);
    {
        GdalErrorCapture quiet;
        Transformer(from, working).transform(layer.geometry.mutable_coords());
    }
    for (size_t i = 0; i < layer.size(); ++i)
        if (keep[i] && !all_finite(layer.geometry, i))
            skip(i, "outside the area the working CRS " + working.describe() +
                        " can represent (too far from it; set working_crs, or check these coordinates)");

    // Polygons: check validity in the working CRS and repair within the budget.
    std::vector<GeosGeom> repaired;
    GeosContext geos;
    if (layer.geometry.kind() == GeomKind::Polygon) {
        const Transformer to_source(working, from);
        std::unordered_map<int64_t, size_t> note_of;
        for (size_t i = 0; i < layer.report.repaired.size(); ++i) note_of[layer.report.repaired[i].fid] = i;
        repaired.resize(layer.size());
        for (size_t i = 0; i < layer.size(); ++i) {
            if ((i & 0xFF) == 0)
                progress(0.95 + 0.05 * static_cast<double>(i) / static_cast<double>(layer.size()), "checking " + layer.name);
            if (!keep[i]) continue;
            PolygonCheck check = check_polygon(geos, layer.geometry, i);
            if (check.valid) continue;
            progress(0.95 + 0.05 * static_cast<double>(i) / static_cast<double>(layer.size()),
                     "repairing " + layer.name + " feature " + std::to_string(layer.fids[i]));
            RepairOutcome fixed = repair_polygon(geos, layer.geometry, i, budget);
            if (!fixed.geometry) {
                skip(i, describe_check(check, to_source) + "; " + (fixed.refused.empty() ? "repair failed" : fixed.refused));
                continue;
            }
            add_note(layer.report.repaired, note_of, layer.fids[i],
                     describe_check(check, to_source) + "; repaired with " + fixed.method);
            repaired[i] = std::move(fixed.geometry);
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

Layer read_layer(const LayerSource& source, const Crs& working, const Progress& progress)
{
    return project_layer(read_source_layer(source, progress), working, progress);
}

}  // namespace geo
