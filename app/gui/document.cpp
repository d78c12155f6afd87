#include "gui/document.h"

#include "geo/core/polygon_locator.h"

#include <cctype>

#include <algorithm>
#include <map>
#include <set>

namespace gui {

bool Selection::contains(uint32_t r) const
{
    if (empty()) return false;
    return rows.empty() ? static_cast<int64_t>(r) == row : std::binary_search(rows.begin(), rows.end(), r);
}

namespace {

std::string field(const geo::LoadedLayer& l, const char* meaning)
{
    const std::string* f = l.fields.field_for(meaning);
    return f ? *f : "";
}

std::vector<CountRow> sorted_rows(std::map<std::string, CountRow>& m)
{
    std::vector<CountRow> out;
    for (auto& [k, v] : m) out.push_back(v);
    std::sort(out.begin(), out.end(), [](const CountRow& a, const CountRow& b) { return a.count > b.count; });
    return out;
}

}  // namespace

void compute_park_stats(Document& doc)
{
    const int pv = doc.view_with_role(geo::Role::Parks), ev = doc.view_with_role(geo::Role::Enterprises);
    if (pv < 0 || ev < 0) return;
    const geo::LoadedLayer& parks = doc.layer_of(doc.views[static_cast<size_t>(pv)]);
    const geo::LoadedLayer& firms = doc.layer_of(doc.views[static_cast<size_t>(ev)]);
    doc.parks = geo::assign_to_zones(firms.data->geometry, parks.data->geometry);
    auto col = [&](const geo::LoadedLayer& l, const char* meaning) {
        const std::string f = field(l, meaning);
        return f.empty() ? nullptr : l.data->column(f);
    };
    const geo::Column* cluster = col(firms, "cluster");
    const geo::Column* tier = col(firms, "tier");
    const geo::Column* jobs = col(firms, "employees");
    std::vector<std::map<std::string, CountRow>> clusters(parks.data->size()), tiers(parks.data->size());
    doc.park_stats.assign(parks.data->size(), ParkStats{});  // afresh (called again after an attribute edit)
    for (size_t p = 0; p < parks.data->size(); ++p) {
        doc.park_stats[p].feature = p;
        doc.park_stats[p].name = doc.feature_name(doc.views[static_cast<size_t>(pv)], p);
        doc.park_stats[p].area_km2 = geo::polygon_area(parks.data->geometry, p) / 1e6;
    }
    for (size_t i = 0; i < doc.parks->zone_of.size(); ++i) {
        const int32_t z = doc.parks->zone_of[i];
        if (z < 0) continue;
        ParkStats& s = doc.park_stats[static_cast<size_t>(z)];
        const double e = jobs ? jobs->number(i).value_or(0) : 0;
        ++s.enterprises;
        s.employees += e;
        auto add = [&](std::map<std::string, CountRow>& m, const geo::Column* c, const char* none) {
            std::string key = c ? c->text(i) : "";
            if (key.empty()) key = none;
            CountRow& r = m[key];
            r.label = key;
            ++r.count;
            r.employees += e;
        };
        add(clusters[static_cast<size_t>(z)], cluster, "(none)");
        add(tiers[static_cast<size_t>(z)], tier, "(no tier)");
    }
    for (size_t p = 0; p < parks.data->size(); ++p) {
        doc.park_stats[p].by_cluster = sorted_rows(clusters[p]);
        doc.park_stats[p].by_tier = sorted_rows(tiers[p]);
    }
}

namespace {


}  // namespace

void append_utf8_codepoints(std::string_view s, std::set<uint32_t>& out)
{
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        uint32_t cp = c;
        size_t len = 1;
        if (c >= 0xF0) { cp = c & 0x07; len = 4; }
        else if (c >= 0xE0) { cp = c & 0x0F; len = 3; }
        else if (c >= 0xC0) { cp = c & 0x1F; len = 2; }
        for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        if (cp >= 0x80) out.insert(cp);
        i += len;
    }
}

int Document::view_with_role(geo::Role role) const
{
    for (size_t i = 0; i < views.size(); ++i)
        if (layer_of(views[i]).config.role == role) return static_cast<int>(i);
    return -1;
}

std::optional<size_t> Document::park_by_name(const std::string& name) const
{
    for (size_t i = 0; i < park_stats.size(); ++i)
        if (park_stats[i].name == name) return i;
    // Else its code, English name or any other text of the park (ASCII case ignored):
    // "CQ-HTZ", "Chongqing Hi-tech Zone".
    const int pv = view_with_role(geo::Role::Parks);
    if (pv < 0) return std::nullopt;
    const geo::Layer& parks = *layer_of(views[static_cast<size_t>(pv)]).data;
    auto same = [](const std::string& a, const std::string& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (size_t i = 0; i < park_stats.size(); ++i)
        for (const geo::Column& c : parks.columns)
            if (c.type() == geo::FieldType::String && !c.is_null(park_stats[i].feature) && same(c.text(park_stats[i].feature), name)) return i;
    return std::nullopt;
}

std::optional<std::pair<int, size_t>> Document::pick(geo::Coord at, double mpp) const
{
    auto pass = [&](bool polygons, double tolerance_px) -> std::optional<std::pair<int, size_t>> {
        for (int v = static_cast<int>(views.size()) - 1; v >= 0; --v) {
            const LayerView& view = views[static_cast<size_t>(v)];
            if (!view.style.visible) continue;
            const geo::GeometryColumn& g = layer_of(view).data->geometry;
            if ((g.kind() == geo::GeomKind::Polygon) != polygons) continue;
            // A point is under the cursor within its drawn radius, a line within 1.5 pixels.
            const double px = tolerance_px > 0 ? tolerance_px : (g.kind() == geo::GeomKind::Point ? std::max(1.5f, view.style.point_size_px / 2) : 1.5);
            if (auto f = view.index.pick(g, at, px * mpp)) return std::pair{v, *f};
        }
        return std::nullopt;
    };
    if (auto hit = pass(false, 0)) return hit;
    if (auto hit = pass(true, 0)) return hit;
    return pass(false, 5);
}

std::optional<std::string> Document::constraint_at(geo::Coord at) const
{
    const int cv = view_with_role(geo::Role::Constraints);
    if (cv < 0) return std::nullopt;
    const LayerView& v = views[static_cast<size_t>(cv)];
    const geo::GeometryColumn& g = layer_of(v).data->geometry;
    if (g.kind() != geo::GeomKind::Polygon) return std::nullopt;
    for (uint32_t f : v.index.in_box({at.x, at.y, at.x, at.y}))
        if (geo::PolygonLocator(g, f).contains(at.x, at.y)) return feature_name(v, f);
    return std::nullopt;
}

std::vector<size_t> Document::label_order(const LayerView& v) const
{
    const geo::GeometryColumn& g = layer_of(v).data->geometry;
    std::vector<size_t> order(g.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (g.kind() != geo::GeomKind::Polygon) return order;
    std::vector<double> area(g.size());
    for (size_t i = 0; i < g.size(); ++i) area[i] = geo::polygon_area(g, i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return area[a] > area[b]; });
    return order;
}

std::string Document::feature_name(const LayerView& v, size_t row) const
{
    const geo::LoadedLayer& l = layer_of(v);
    if (const std::string* f = l.fields.field_for("name"))
        if (const geo::Column* c = l.data->column(*f); c && !c->is_null(row)) return c->text(row);
    return "fid " + std::to_string(l.data->fids[row]);
}

LayerView make_view(const Document& doc, size_t layer)
{
    const geo::LoadedLayer& l = doc.project.layers[layer];
    LayerView v;
    v.layer = layer;
    v.style = geo::project_layer_style(l, layer);
    v.index = geo::FeatureIndex(l.data->geometry);
    v.mesh = render::build_layer_mesh(*l.data, doc.origin);
    v.label_points = v.mesh.label_points;
    v.label_order = doc.label_order(v);
    return v;
}

std::unique_ptr<Document> build_document(geo::LoadedProject project, const geo::Progress& progress)
{
    auto doc = std::make_unique<Document>();
    doc->project = std::move(project);
    doc->extent = geo::view_extent(doc->project);
    doc->origin = doc->extent.empty() ? geo::Coord{} : doc->extent.centre();
    for (const std::string& w : doc->project.project.warnings) doc->load_messages.push_back(w);
    try {
        doc->units = geo::display_units(doc->project.project);
    } catch (const std::exception& e) {
        doc->load_messages.push_back(std::string(e.what()) + " (figures are shown in ha and 万元)");
    }
    for (size_t i = 0; i < doc->project.layers.size(); ++i) {
        progress(0.9 + 0.08 * static_cast<double>(i) / static_cast<double>(doc->project.layers.size()), "preparing the map");
        const geo::LoadedLayer& l = doc->project.layers[i];
        const std::string who = "layer '" + l.config.id + "': ";
        for (const auto& n : l.data->report.repaired) doc->load_messages.push_back(who + "repaired fid " + std::to_string(n.fid) + ": " + n.reason);
        for (const auto& n : l.data->report.skipped) doc->load_messages.push_back(who + "skipped fid " + std::to_string(n.fid) + ": " + n.reason);
        for (const auto& w : l.data->report.warnings) doc->load_messages.push_back(who + w);
        for (const auto& w : l.warnings) doc->load_messages.push_back(who + w);
        doc->views.push_back(make_view(*doc, i));
    }
    compute_park_stats(*doc);
    for (const geo::LoadedLayer& l : doc->project.layers) doc->file_data.push_back(l.data);
    return doc;
}

geo::LoadedLayer computed_layer(geo::Layer data, const std::string& id)
{
    geo::LoadedLayer l;
    l.config.id = id;
    l.config.role = geo::Role::Context;
    data.name = id;
    l.data = std::make_shared<geo::Layer>(std::move(data));
    return l;
}

std::pair<geo::LoadedLayer, LayerView> computed_view(geo::Layer data, const std::string& id, geo::Coord origin)
{
    Document frame;
    frame.origin = origin;
    frame.project.layers.push_back(computed_layer(std::move(data), id));
    LayerView view = make_view(frame, 0);
    return {std::move(frame.project.layers[0]), std::move(view)};
}

void append_layer_codepoints(const geo::LoadedLayer& l, std::set<uint32_t>& cps)
{
    append_utf8_codepoints(l.config.id, cps);
    for (const auto& c : l.data->columns) {
        append_utf8_codepoints(c.name(), cps);
        if (c.type() != geo::FieldType::String) continue;
        for (size_t i = 0; i < c.size(); ++i) append_utf8_codepoints(c.string(i), cps);
    }
}

std::vector<uint32_t> codepoints_in(const Document& doc)
{
    std::set<uint32_t> cps;
    for (const auto& l : doc.project.layers) append_layer_codepoints(l, cps);
    append_utf8_codepoints(doc.project.project.name, cps);
    append_utf8_codepoints(doc.project.project.extra.dump(), cps);  // scenario names, stored settings
    for (const auto& m : doc.load_messages) append_utf8_codepoints(m, cps);
    return {cps.begin(), cps.end()};
}

}  // namespace gui
