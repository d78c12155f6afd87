#include "geo/style/layer_style.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace geo {

namespace {

constexpr size_t kMaxCategories = 24;
const Rgba kOther = 0xFFAAAAAA;
const Rgba kNull = 0xFFCCCCCC;

struct RampStops {
    std::vector<std::array<uint8_t, 3>> stops;
};

const RampStops& stops_of(Ramp r)
{
    static const RampStops viridis{{{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
    static const RampStops magma{{{0, 0, 4}, {81, 18, 124}, {183, 55, 121}, {252, 137, 97}, {252, 253, 191}}};
    static const RampStops blues{{{222, 235, 247}, {158, 202, 225}, {66, 146, 198}, {33, 113, 181}, {8, 48, 107}}};
    static const RampStops orrd{{{254, 240, 217}, {253, 204, 138}, {252, 141, 89}, {227, 74, 51}, {179, 0, 0}}};
    static const RampStops rdbu{{{33, 102, 172}, {146, 197, 222}, {247, 247, 247}, {244, 165, 130}, {178, 24, 43}}};
    static const RampStops ylorbr{{{255, 247, 188}, {254, 196, 79}, {236, 112, 20}, {204, 76, 2}, {102, 37, 6}}};  // ColorBrewer YlOrBr
    switch (r) {
    case Ramp::Viridis: return viridis;
    case Ramp::Magma: return magma;
    case Ramp::Blues: return blues;
    case Ramp::OrangeRed: return orrd;
    case Ramp::BlueRed: return rdbu;
    case Ramp::YellowBrown: return ylorbr;
    }
    return viridis;
}

}  // namespace

Rgba rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a)
{
    return static_cast<Rgba>(r) | (static_cast<Rgba>(g) << 8) | (static_cast<Rgba>(b) << 16) | (static_cast<Rgba>(a) << 24);
}

Rgba with_alpha(Rgba c, uint8_t a) { return (c & 0x00FFFFFF) | (static_cast<Rgba>(a) << 24); }

std::string to_hex(Rgba c)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, c >> 24);
    return buf;
}

Rgba from_hex(const std::string& hex, Rgba fallback)
{
    if (hex.size() != 7 && hex.size() != 9) return fallback;
    if (hex[0] != '#') return fallback;
    unsigned r = 0, g = 0, b = 0, a = 255;
    if (std::sscanf(hex.c_str() + 1, "%2x%2x%2x", &r, &g, &b) != 3) return fallback;
    if (hex.size() == 9 && std::sscanf(hex.c_str() + 7, "%2x", &a) != 1) return fallback;
    return rgba(static_cast<uint8_t>(r), static_cast<uint8_t>(g), static_cast<uint8_t>(b), static_cast<uint8_t>(a));
}

Rgba qualitative_colour(size_t i, Palette palette)
{
    // Industry: Tableau 10 without its red and pink, then softer tones; readable on a light
    // map. Services: deep tones of other hues. No colour is in both, and neither has red.
    static const Rgba industry[] = {
        rgba(78, 121, 167), rgba(242, 142, 43), rgba(118, 183, 178), rgba(89, 161, 79),  rgba(237, 201, 72),
        rgba(176, 122, 161), rgba(156, 117, 95), rgba(186, 176, 172), rgba(140, 162, 82), rgba(107, 174, 214),
        rgba(188, 128, 189), rgba(214, 180, 130)};
    static const Rgba services[] = {
        rgba(31, 70, 144), rgba(136, 34, 106), rgba(0, 128, 128), rgba(40, 40, 40), rgba(84, 39, 143),
        rgba(85, 107, 47), rgba(0, 160, 200), rgba(120, 72, 24)};
    return palette == Palette::Services ? services[i % std::size(services)] : industry[i % std::size(industry)];
}

const char* to_string(Palette palette) { return palette == Palette::Services ? "services" : "industry"; }

Rgba ramp_colour(Ramp ramp, double t)
{
    const auto& s = stops_of(ramp).stops;
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(s.size() - 1);
    const size_t i = std::min(static_cast<size_t>(t), s.size() - 2);
    const double f = t - static_cast<double>(i);
    auto mix = [&](int k) { return static_cast<uint8_t>(std::lround(s[i][k] + f * (s[i + 1][k] - s[i][k]))); };
    return rgba(mix(0), mix(1), mix(2));
}

const char* to_string(Ramp ramp)
{
    switch (ramp) {
    case Ramp::Viridis: return "viridis";
    case Ramp::Magma: return "magma";
    case Ramp::Blues: return "blues";
    case Ramp::OrangeRed: return "orange-red";
    case Ramp::BlueRed: return "blue-red";
    case Ramp::YellowBrown: return "yellow-brown";
    }
    return "viridis";
}

std::vector<Rgba> classify(LayerStyle& style, const Layer& layer)
{
    const size_t n = layer.size();
    style.categories.clear();
    style.grad_classes.clear();
    const Column* column = style.field.empty() ? nullptr : layer.column(style.field);
    if (style.mode == StyleMode::Single || !column) return std::vector<Rgba>(n, style.fill);

    if (style.mode == StyleMode::Categorized) {
        std::unordered_map<std::string, int64_t> counts;
        for (size_t i = 0; i < n; ++i) ++counts[column->text(i)];
        std::vector<std::pair<std::string, int64_t>> sorted(counts.begin(), counts.end());
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            if (a.first.empty() != b.first.empty()) return b.first.empty();  // null last
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        std::unordered_map<std::string, Rgba> colour_of;
        size_t next = 0;
        int64_t other = 0;
        for (const auto& [value, count] : sorted) {
            if (value.empty()) {
                style.categories.push_back({"", kNull, count});
                colour_of[value] = kNull;
            } else if (auto fixed = style.fixed_colours.find(value); fixed != style.fixed_colours.end()) {
                style.categories.push_back({value, fixed->second, count});
                colour_of[value] = fixed->second;
            } else if (next < kMaxCategories) {
                const Rgba c = qualitative_colour(next++, style.palette);
                style.categories.push_back({value, c, count});
                colour_of[value] = c;
            } else {
                other += count;
            }
        }
        if (other > 0) style.categories.push_back({"(other)", kOther, other});
        std::vector<Rgba> out(n);
        for (size_t i = 0; i < n; ++i) {
            auto it = colour_of.find(column->text(i));
            out[i] = it == colour_of.end() ? kOther : it->second;
        }
        return out;
    }

    // Graduated.
    std::vector<double> values;
    values.reserve(n);
    for (size_t i = 0; i < n; ++i)
        if (auto v = column->number(i)) values.push_back(*v);
    if (values.empty()) return std::vector<Rgba>(n, kNull);
    std::sort(values.begin(), values.end());
    const int k = std::clamp(style.classes, 2, 9);
    std::vector<double> edges{values.front()};
    for (int c = 1; c < k; ++c) {
        const double e = style.breaks == Breaks::Quantile
                             ? values[static_cast<size_t>(static_cast<double>(values.size() - 1) * c / k)]
                             : values.front() + (values.back() - values.front()) * c / k;
        if (e > edges.back()) edges.push_back(e);
    }
    edges.push_back(values.back());
    if (edges.size() < 2 || edges.back() <= edges.front()) edges = {values.front(), values.front()};
    const size_t classes = std::max<size_t>(1, edges.size() - 1);
    for (size_t c = 0; c < classes; ++c) {
        const double t = classes == 1 ? 0.5 : static_cast<double>(c) / static_cast<double>(classes - 1);
        style.grad_classes.push_back({edges[c], edges[std::min(c + 1, edges.size() - 1)], ramp_colour(style.ramp, t), 0});
    }
    std::vector<Rgba> out(n, kNull);
    for (size_t i = 0; i < n; ++i) {
        auto v = column->number(i);
        if (!v) continue;
        // Classes are [lower, upper) except the last, which includes its upper edge.
        size_t c = static_cast<size_t>(std::upper_bound(edges.begin() + 1, edges.end() - 1, *v) - (edges.begin() + 1));
        c = std::min(c, classes - 1);
        out[i] = style.grad_classes[c].colour;
        ++style.grad_classes[c].count;
    }
    return out;
}

LayerStyle default_style(Role role, const Layer& layer, const std::string& cluster_field,
                         const std::string& type_field, const std::string& name_field, size_t index)
{
    LayerStyle s;
    s.fill = qualitative_colour(index + 4);
    switch (role) {
    case Role::Parks:
        s.fill = rgba(90, 170, 90, 110);
        s.stroke = rgba(30, 110, 40);
        s.stroke_width_px = 2;
        s.label_field = name_field;
        break;
    case Role::Enterprises:
        s.point_size_px = 4;
        if (!cluster_field.empty()) {
            s.mode = StyleMode::Categorized;
            s.field = cluster_field;
        }
        break;
    case Role::Facilities:
        s.point_size_px = 7;
        s.stroke = rgba(255, 255, 255);
        s.palette = Palette::Services;
        if (!type_field.empty()) {
            s.mode = StyleMode::Categorized;
            s.field = type_field;
        }
        break;
    case Role::Roads:
        s.fill = rgba(150, 150, 150);
        s.stroke_width_px = 1.5f;
        break;
    case Role::Constraints:  // restricted land, not a problem: grey violet, not red
        s.fill = rgba(120, 110, 150, 80);
        s.stroke = rgba(90, 80, 120);
        break;
    case Role::Sites:
        s.fill = rgba(250, 200, 60, 150);
        s.stroke = rgba(160, 110, 0);
        break;
    case Role::Regions:
        s.fill = rgba(240, 238, 230, 255);
        s.stroke = rgba(150, 140, 130);
        s.label_field = name_field;
        break;
    case Role::Buildings:
        s.fill = rgba(190, 170, 150, 200);
        s.stroke = rgba(120, 100, 85);
        break;
    case Role::Context: break;
    }
    (void)layer;
    return s;
}

Json style_to_json(const LayerStyle& s)
{
    Json j = Json::object();
    j["visible"] = s.visible;
    j["opacity"] = s.opacity;
    j["mode"] = s.mode == StyleMode::Single ? "single" : s.mode == StyleMode::Categorized ? "categorized" : "graduated";
    j["fill"] = to_hex(s.fill);
    j["stroke"] = to_hex(s.stroke);
    j["stroke_width_px"] = s.stroke_width_px;
    j["point_size_px"] = s.point_size_px;
    if (!s.field.empty()) j["field"] = s.field;
    j["ramp"] = to_string(s.ramp);
    j["palette"] = to_string(s.palette);
    j["breaks"] = s.breaks == Breaks::Quantile ? "quantile" : "equal";
    j["classes"] = s.classes;
    if (!s.label_field.empty()) j["label_field"] = s.label_field;
    if (!s.fixed_colours.empty()) {
        Json c = Json::object();
        for (const auto& [value, colour] : s.fixed_colours) c[value] = to_hex(colour);
        j["colours"] = c;
    }
    return j;
}

LayerStyle style_from_json(const Json& j, LayerStyle s)
{
    if (!j.is_object()) return s;
    auto get = [&](const char* key, auto fallback) {
        auto it = j.find(key);
        if (it == j.end()) return fallback;
        try {
            return it->template get<decltype(fallback)>();
        } catch (const std::exception&) {
            return fallback;
        }
    };
    s.visible = get("visible", s.visible);
    s.opacity = std::clamp(get("opacity", s.opacity), 0.0f, 1.0f);
    const std::string mode = get("mode", std::string("keep"));
    if (mode == "single") s.mode = StyleMode::Single;
    if (mode == "categorized") s.mode = StyleMode::Categorized;
    if (mode == "graduated") s.mode = StyleMode::Graduated;
    s.fill = from_hex(get("fill", std::string()), s.fill);
    s.stroke = from_hex(get("stroke", std::string()), s.stroke);
    s.stroke_width_px = std::clamp(get("stroke_width_px", s.stroke_width_px), 0.0f, 20.0f);
    s.point_size_px = std::clamp(get("point_size_px", s.point_size_px), 1.0f, 40.0f);
    s.field = get("field", s.field);
    const std::string ramp = get("ramp", std::string(to_string(s.ramp)));
    for (Ramp r : {Ramp::Viridis, Ramp::Magma, Ramp::Blues, Ramp::OrangeRed, Ramp::BlueRed, Ramp::YellowBrown})
        if (ramp == to_string(r)) s.ramp = r;
    const std::string palette = get("palette", std::string(to_string(s.palette)));
    s.palette = palette == "services" ? Palette::Services : palette == "industry" ? Palette::Industry : s.palette;
    s.breaks = get("breaks", std::string("quantile")) == "equal" ? Breaks::EqualInterval : Breaks::Quantile;
    s.classes = std::clamp(get("classes", s.classes), 2, 9);
    s.label_field = get("label_field", s.label_field);
    if (auto c = j.find("colours"); c != j.end() && c->is_object())
        for (auto it = c->begin(); it != c->end(); ++it)
            if (it.value().is_string()) s.fixed_colours[it.key()] = from_hex(it.value().get<std::string>(), kOther);
    return s;
}

LayerStyle project_layer_style(const LoadedLayer& l, size_t index)
{
    auto field = [&](const char* meaning) {
        const std::string* f = l.fields.field_for(meaning);
        return f ? *f : std::string();
    };
    const LayerStyle defaults = default_style(l.config.role, *l.data, field("cluster"), field("type"), field("name"), index);
    const auto it = l.config.extra.find("style");
    return it != l.config.extra.end() ? style_from_json(*it, defaults) : defaults;
}

}  // namespace geo
