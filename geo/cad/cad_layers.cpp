#include "geo/cad/cad_layers.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

#include <geos_c.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"
#include "geo/core/polygon_locator.h"

namespace geo {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

struct PolygonRole {
    const std::vector<std::string>* patterns;
    Layer* out;
};

Layer polygon_layer(const char* name)
{
    Layer l;
    l.name = name;
    l.geometry = GeometryColumn(GeomKind::Polygon);
    l.columns = {Column("cad_layer", FieldType::String), Column("source", FieldType::String), Column("area_m2", FieldType::Real)};
    return l;
}

// Appends polygon feature `k` of `src`, unless the layer holds one with the same area and box.
bool add_polygon(Layer& l, const GeometryColumn& src, size_t k, const std::string& cad_layer, const char* source)
{
    const double area = polygon_area(src, k);
    const Envelope e = src.envelope(k);
    for (size_t i = 0; i < l.size(); ++i) {
        const Envelope f = l.geometry.envelope(i);
        const double tol = 1e-6 * std::max({1.0, std::abs(e.max_x), std::abs(e.max_y)});
        if (std::abs(polygon_area(l.geometry, i) - area) <= 1e-6 * std::max(1.0, area) && std::abs(e.min_x - f.min_x) <= tol &&
            std::abs(e.min_y - f.min_y) <= tol && std::abs(e.max_x - f.max_x) <= tol && std::abs(e.max_y - f.max_y) <= tol)
            return false;
    }
    l.geometry.append_feature(src, k, false);
    l.fids.push_back(static_cast<int64_t>(l.fids.size()));
    l.columns[0].push_string(cad_layer);
    l.columns[1].push_string(source);
    l.columns[2].push_real(area);
    return true;
}

}  // namespace

void transform_drawing(CadDrawing& d, const PlaneTransform& t)
{
    for (Coord& c : d.lines.mutable_coords()) c = t.apply(c);
    for (Coord& c : d.polygons.mutable_coords()) c = t.apply(c);
    for (Coord& c : d.text_xy) c = t.apply(c);
}

int take_off_zone_prefix(CadDrawing& d)
{
    if (d.lines.size() + d.polygons.size() == 0) return 0;
    const Envelope e = d.lines.size() ? d.lines.envelope(0) : d.polygons.envelope(0);
    int zone = 0;
    easting_without_zone(e.min_x, zone);
    if (!zone || !gauss_kruger_epsg(zone)) return 0;
    PlaneTransform shift;
    shift.c = -zone * 1e6;
    transform_drawing(d, shift);
    return zone;
}

void reproject_drawing(CadDrawing& d, const Crs& from, const Crs& to, const SevenParameters* datum, const std::string& file)
{
    // Every coordinate of the drawing, moved together.
    std::vector<Coord> all(d.lines.coords().begin(), d.lines.coords().end());
    all.insert(all.end(), d.polygons.coords().begin(), d.polygons.coords().end());
    all.insert(all.end(), d.text_xy.begin(), d.text_xy.end());
    if (datum) {
        shift_datum(all, from, *datum, to);
    } else {
        Transformer(from, to).transform(all);
        for (const Coord& c : all)
            if (!std::isfinite(c.x) || !std::isfinite(c.y)) throw Error("PROJ could not move a coordinate from " + from.describe() + " to " + to.describe(), {.file = file});
    }
    size_t k = 0;
    for (Coord& c : d.lines.mutable_coords()) c = all[k++];
    for (Coord& c : d.polygons.mutable_coords()) c = all[k++];
    for (Coord& c : d.text_xy) c = all[k++];
}

double number_in_label(const std::string& text)
{
    double last = kNaN;
    const char* s = text.c_str();
    while (*s) {
        if ((*s >= '0' && *s <= '9') || (*s == '.' && s[1] >= '0' && s[1] <= '9')) {
            char* end = nullptr;
            last = std::strtod(s, &end);
            s = end;
        } else {
            ++s;
        }
    }
    return last;
}

CadLayers cad_layers(const CadDrawing& d, const CadTemplate& t)
{
    CadLayers out;
    std::vector<std::string> attributes;
    for (const auto& [layer, attribute] : t.labels)
        if (std::find(attributes.begin(), attributes.end(), attribute) == attributes.end()) attributes.push_back(attribute);
    out.parcels = polygon_layer("parcels");
    out.green = polygon_layer("green");
    out.buildings = polygon_layer("buildings");
    out.roads.name = "roads";
    out.roads.geometry = GeometryColumn(GeomKind::Line);
    out.roads.columns = {Column("cad_layer", FieldType::String)};
    out.unplaced_labels.name = "unplaced_labels";
    out.unplaced_labels.geometry = GeometryColumn(GeomKind::Point);
    out.unplaced_labels.columns = {Column("cad_layer", FieldType::String), Column("attribute", FieldType::String), Column("text", FieldType::String)};

    const PolygonRole roles[] = {{&t.parcels, &out.parcels}, {&t.green, &out.green}, {&t.buildings, &out.buildings}};
    GeosContext ctx;
    GEOSContextHandle_t h = ctx.handle();
    for (const PolygonRole& role : roles) {
        std::map<std::string, size_t> made;
        // HATCH fills first, then closed polylines (the same outline under a hatch counts once).
        for (size_t k = 0; k < d.polygons.size(); ++k)
            if (layer_matches(*role.patterns, d.polygon_layer[k]) && add_polygon(*role.out, d.polygons, k, d.polygon_layer[k], "hatch")) ++made["hatch fills"];
        GeometryColumn closed(GeomKind::Polygon);
        std::vector<std::string> closed_layer;
        std::vector<GEOSGeometry*> open;
        std::string open_layers;
        for (size_t k = 0; k < d.lines.size(); ++k) {
            if (!layer_matches(*role.patterns, d.line_layer[k])) continue;
            if (d.line_closed[k]) {
                closed.begin_feature(false);
                closed.begin_part();
                closed.add_ring(d.lines.ring(d.lines.ring_begin(d.lines.part_begin(k))));
                closed.end_feature();
                closed_layer.push_back(d.line_layer[k]);
            } else {
                open.push_back(to_geos(ctx, d.lines, k).release());
                if (open_layers.find(d.line_layer[k]) == std::string::npos) open_layers += (open_layers.empty() ? "" : ", ") + d.line_layer[k];
            }
        }
        for (size_t k = 0; k < closed.size(); ++k)
            if (add_polygon(*role.out, closed, k, closed_layer[k], "closed polyline")) ++made["closed polylines"];
        if (!open.empty()) {
            // Boundaries drawn as separate lines: noded (their union), then polygonized.
            GeosGeom lines(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, open.data(), static_cast<unsigned>(open.size())), {h});
            GeosGeom noded(GEOSUnaryUnion_r(h, lines.get()), {h});
            const GEOSGeometry* noded_ptr = noded.get();
            GeosGeom polys(noded ? GEOSPolygonize_r(h, &noded_ptr, 1) : nullptr, {h});
            if (polys) {
                GeometryColumn built(GeomKind::Polygon);
                for (int i = 0; i < GEOSGetNumGeometries_r(h, polys.get()); ++i) append_from_geos(ctx, GEOSGetGeometryN_r(h, polys.get(), i), built);
                for (size_t k = 0; k < built.size(); ++k)
                    if (add_polygon(*role.out, built, k, open_layers, "boundary lines")) ++made["polygons from boundary lines"];
            }
        }
        for (const auto& [what, n] : made) out.notes.push_back(role.out->name + ": " + std::to_string(n) + " from " + what);
    }
    for (size_t k = 0; k < d.lines.size(); ++k)
        if (layer_matches(t.roads, d.line_layer[k])) {
            out.roads.geometry.append_feature(d.lines, k, false);
            out.roads.fids.push_back(static_cast<int64_t>(out.roads.fids.size()));
            out.roads.columns[0].push_string(d.line_layer[k]);
        }

    // Labels: a parcel's attributes to the smallest parcel that contains them; a building's use
    // (text on a buildings layer, or on a label layer of the attribute "use") to the smallest
    // building. A label inside none is kept as a point.
    auto attach = [&](Layer& polys, const char* noun, const std::vector<std::string>& attrs, const std::vector<std::pair<size_t, std::string>>& texts) {
        std::vector<PolygonLocator> loc;
        for (size_t k = 0; k < polys.size(); ++k) loc.emplace_back(polys.geometry, k);
        std::vector<std::map<std::string, std::string>> labels(polys.size());
        size_t attached = 0;
        for (const auto& [i, attribute] : texts) {
            int64_t best = -1;
            double best_area = std::numeric_limits<double>::infinity();
            for (size_t k = 0; k < loc.size(); ++k)
                if (loc[k].contains(d.text_xy[i].x, d.text_xy[i].y)) {
                    const double area = polys.columns[2].number(k).value_or(0);
                    if (area < best_area) best_area = area, best = static_cast<int64_t>(k);
                }
            if (best < 0) {
                out.unplaced_labels.geometry.add_point(d.text_xy[i]);
                out.unplaced_labels.fids.push_back(static_cast<int64_t>(out.unplaced_labels.fids.size()));
                out.unplaced_labels.columns[0].push_string(d.text_layer[i]);
                out.unplaced_labels.columns[1].push_string(attribute);
                out.unplaced_labels.columns[2].push_string(d.text[i]);
                continue;
            }
            auto [it, added] = labels[static_cast<size_t>(best)].try_emplace(attribute, d.text[i]);
            if (!added) {
                out.notes.push_back(std::string(noun) + " " + std::to_string(best + 1) + " has two " + attribute + " labels: '" + it->second + "' is kept, '" +
                                    d.text[i] + "' is not");
                continue;
            }
            ++attached;
        }
        for (const std::string& a : attrs) {
            Column c(a, FieldType::String);
            for (size_t k = 0; k < polys.size(); ++k) {
                const auto it = labels[k].find(a);
                it == labels[k].end() ? c.push_null() : c.push_string(it->second);
            }
            polys.columns.push_back(std::move(c));
        }
        return attached;
    };
    std::vector<std::pair<size_t, std::string>> parcel_texts, building_texts;
    for (size_t i = 0; i < d.text.size(); ++i) {
        std::string attribute;
        for (const auto& [layer, a] : t.labels)
            if (layer_matches({layer}, d.text_layer[i])) attribute = a;
        if (attribute == "use" || (attribute.empty() && layer_matches(t.buildings, d.text_layer[i]))) building_texts.emplace_back(i, "use");
        else if (!attribute.empty()) parcel_texts.emplace_back(i, attribute);
    }
    std::vector<std::string> parcel_attributes;
    for (const std::string& a : attributes)
        if (a != "use") parcel_attributes.push_back(a);
    Layer& parcels = out.parcels;
    const size_t attached = attach(parcels, "parcel", parcel_attributes, parcel_texts);
    const size_t uses = attach(out.buildings, "building", {"use"}, building_texts);
    if (std::find(attributes.begin(), attributes.end(), "far") != attributes.end()) {
        Column c("far_value", FieldType::Real);
        for (size_t k = 0; k < parcels.size(); ++k) {
            const Column* far = parcels.column("far");
            const double v = far && !far->is_null(k) ? number_in_label(far->text(k)) : kNaN;
            std::isnan(v) ? c.push_null() : c.push_real(v);
        }
        parcels.columns.push_back(std::move(c));
    }
    if (!building_texts.empty()) out.notes.push_back(std::to_string(uses) + " building labels (their use) attached to buildings");
    out.notes.push_back(std::to_string(attached) + " labels attached to parcels, " + std::to_string(out.unplaced_labels.size()) + " inside none (kept as points)");
    return out;
}

}  // namespace geo
