#pragma once
// The style model shared by the map, the CLI and exports: layer styles and their classification into one colour per feature: a single colour,
// categories of a text or code field with a qualitative palette, or classes of a numeric
// field on a perceptual ramp. Pure data and arithmetic (no GL), so it is unit-tested, and
// it converts to and from the project file's JSON.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/project/loaded_project.h"
#include "geo/project/project.h"

namespace geo {

using Rgba = uint32_t;  // 0xAABBGGRR, the byte order OpenGL reads as RGBA8

Rgba rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a = 255);
Rgba with_alpha(Rgba c, uint8_t a);
std::string to_hex(Rgba c);               // "#rrggbbaa"
Rgba from_hex(const std::string& hex, Rgba fallback);

enum class StyleMode { Single, Categorized, Graduated };
// Red means a problem on parkcap's maps (uncovered, failing, binding, unserved), so the
// default ramps and palettes avoid it: YellowBrown is the density ramp; OrangeRed and
// BlueRed remain for a planner who chooses them.
enum class Ramp { Viridis, Magma, Blues, OrangeRed, BlueRed, YellowBrown };  // BlueRed diverges through white
// Two qualitative palettes that never share a colour: Industry (mid tones) for enterprises
// and whatever else is categorised, Services (deep tones, drawn with a white ring) for
// facilities, so a bus stop and an equipment-manufacturing firm never look alike.
enum class Palette { Industry, Services };
enum class Breaks { Quantile, EqualInterval };

struct Category {
    std::string value;  // "" is the class for null values
    Rgba colour;
    int64_t count = 0;
    friend bool operator==(const Category&, const Category&) = default;
};

struct GradClass {
    double lower, upper;
    Rgba colour;
    int64_t count = 0;
    friend bool operator==(const GradClass&, const GradClass&) = default;
};

struct LayerStyle {
    bool visible = true;
    float opacity = 1.0f;      // applied on top of the colours' own alpha
    StyleMode mode = StyleMode::Single;
    Rgba fill = rgba(80, 140, 200);
    Rgba stroke = rgba(40, 40, 40);
    float stroke_width_px = 1.0f;
    float point_size_px = 4.0f;
    std::string field;         // for Categorized and Graduated
    Ramp ramp = Ramp::Viridis;
    Palette palette = Palette::Industry;  // for Categorized
    Breaks breaks = Breaks::Quantile;
    int classes = 5;
    std::string label_field;   // drawn as map labels ("" for none)
    // Categorised: colours fixed for given values (others take the palette in order).
    std::map<std::string, Rgba> fixed_colours;

    // Filled in by classify():
    std::vector<Category> categories;
    std::vector<GradClass> grad_classes;

    friend bool operator==(const LayerStyle&, const LayerStyle&) = default;
};

// The colour of `i`-th category in a qualitative palette chosen for legibility on a light map.
Rgba qualitative_colour(size_t i, Palette palette = Palette::Industry);
const char* to_string(Palette palette);  // "industry", "services"
// A colour along a perceptual ramp, t in [0, 1].
Rgba ramp_colour(Ramp ramp, double t);
const char* to_string(Ramp ramp);

// Fills style.categories / style.grad_classes from the layer's data and returns one colour
// per feature. A missing field falls back to the single colour. Categories are ordered by
// count, largest first (at most 24; the rest share one "other" colour), null last.
std::vector<Rgba> classify(LayerStyle& style, const Layer& layer);

// A default style for a role: parks translucent green, enterprises categorised by cluster...
LayerStyle default_style(Role role, const Layer& layer, const std::string& cluster_field,
                         const std::string& type_field, const std::string& name_field, size_t index);

Json style_to_json(const LayerStyle& style);
LayerStyle style_from_json(const Json& j, LayerStyle fallback);
// The style a project layer is drawn with: its role's default (categorised by cluster or
// facility type, labelled by name), then what the project file saved for it ("style").
// The map, the command line's exports and print maps all start from this one.
LayerStyle project_layer_style(const LoadedLayer& layer, size_t index);

}  // namespace geo
