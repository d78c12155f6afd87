#include "geo/style/qgis_qml.h"

#include <cstdio>
#include <sstream>

#include "geo/report/text_format.h"

namespace geo {

namespace {

// QGIS writes colours as "r,g,b,a".
std::string qcolour(Rgba c)
{
    char b[32];
    std::snprintf(b, sizeof b, "%u,%u,%u,%u", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, c >> 24);
    return b;
}

std::string option(const char* name, const std::string& value)
{
    return std::string("<Option type=\"QString\" name=\"") + name + "\" value=\"" + xml_escape(value) + "\"/>";
}

std::string number(double v)
{
    char b[32];
    std::snprintf(b, sizeof b, "%.10g", v);
    return b;
}

// One symbol named `name` of the layer's kind, in `fill`.
std::string symbol(const std::string& name, GeomKind kind, Rgba fill, const LayerStyle& s)
{
    std::ostringstream o;
    const char* type = kind == GeomKind::Point ? "marker" : kind == GeomKind::Line ? "line" : "fill";
    o << "<symbol type=\"" << type << "\" name=\"" << xml_escape(name) << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">";
    if (kind == GeomKind::Point) {
        o << "<layer class=\"SimpleMarker\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" << option("name", "circle")
          << option("color", qcolour(fill)) << option("outline_color", qcolour(s.stroke)) << option("outline_style", "solid")
          << option("outline_width", "0.5") << option("outline_width_unit", "Pixel") << option("size", number(s.point_size_px))
          << option("size_unit", "Pixel") << option("scale_method", "diameter") << "</Option></layer>";
    } else if (kind == GeomKind::Line) {
        o << "<layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" << option("line_color", qcolour(fill))
          << option("line_style", "solid") << option("line_width", number(s.stroke_width_px)) << option("line_width_unit", "Pixel")
          << option("capstyle", "round") << option("joinstyle", "round") << "</Option></layer>";
    } else {
        o << "<layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" << option("color", qcolour(fill))
          << option("style", "solid") << option("outline_color", qcolour(s.stroke))
          << option("outline_style", s.stroke_width_px > 0 ? "solid" : "no") << option("outline_width", number(s.stroke_width_px))
          << option("outline_width_unit", "Pixel") << "</Option></layer>";
    }
    o << "</symbol>";
    return o.str();
}

}  // namespace

std::string qgis_qml(const LayerStyle& s, GeomKind kind)
{
    std::ostringstream o;
    o << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
      << "<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling|Rendering\" hasScaleBasedVisibilityFlag=\"0\">\n";
    const bool categorised = s.mode == StyleMode::Categorized && !s.field.empty() && !s.categories.empty();
    const bool graduated = s.mode == StyleMode::Graduated && !s.field.empty() && !s.grad_classes.empty();
    if (categorised) {
        o << "<renderer-v2 type=\"categorizedSymbol\" attr=\"" << xml_escape(s.field) << "\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">\n<categories>\n";
        for (size_t i = 0; i < s.categories.size(); ++i) {
            const Category& c = s.categories[i];
            // The null class is QGIS's "all other values" category (an empty value).
            o << "<category render=\"true\" symbol=\"" << i << "\" value=\"" << xml_escape(c.value) << "\" label=\""
              << xml_escape(c.value.empty() ? std::string("(no value)") : c.value) << "\" type=\"string\"/>\n";
        }
        o << "</categories>\n<symbols>\n";
        for (size_t i = 0; i < s.categories.size(); ++i) o << symbol(std::to_string(i), kind, s.categories[i].colour, s) << "\n";
        o << "</symbols>\n<source-symbol>" << symbol("0", kind, s.fill, s) << "</source-symbol>\n</renderer-v2>\n";
    } else if (graduated) {
        o << "<renderer-v2 type=\"graduatedSymbol\" attr=\"" << xml_escape(s.field)
          << "\" graduatedMethod=\"GraduatedColor\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">\n<ranges>\n";
        for (size_t i = 0; i < s.grad_classes.size(); ++i) {
            const GradClass& c = s.grad_classes[i];
            o << "<range render=\"true\" symbol=\"" << i << "\" lower=\"" << number(c.lower) << "\" upper=\"" << number(c.upper) << "\" label=\""
              << number(c.lower) << " - " << number(c.upper) << "\"/>\n";
        }
        o << "</ranges>\n<symbols>\n";
        for (size_t i = 0; i < s.grad_classes.size(); ++i) o << symbol(std::to_string(i), kind, s.grad_classes[i].colour, s) << "\n";
        o << "</symbols>\n<source-symbol>" << symbol("0", kind, s.fill, s) << "</source-symbol>\n</renderer-v2>\n";
    } else {
        o << "<renderer-v2 type=\"singleSymbol\" forceraster=\"0\" symbollevels=\"0\" enableorderby=\"0\">\n<symbols>\n"
          << symbol("0", kind, s.fill, s) << "\n</symbols>\n</renderer-v2>\n";
    }
    if (!s.label_field.empty()) {
        o << "<labeling type=\"simple\"><settings calloutType=\"simple\"><text-style fieldName=\"" << xml_escape(s.label_field)
          << "\" isExpression=\"0\" fontFamily=\"Noto Sans CJK SC\" fontSize=\"9\" fontSizeUnit=\"Point\" textColor=\"40,40,40,255\" textOpacity=\"1\"/>"
          << "<text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"1\"/>"
          << "<placement placement=\"" << (kind == GeomKind::Line ? 2 : kind == GeomKind::Point ? 6 : 1) << "\"/>"
          << "<rendering obstacle=\"1\" displayAll=\"0\"/></settings></labeling>\n";
    }
    o << "<layerOpacity>" << number(s.opacity) << "</layerOpacity>\n";
    o << "<blendMode>0</blendMode>\n<featureBlendMode>0</featureBlendMode>\n";
    o << "</qgis>\n";
    return o.str();
}

std::string qgis_raster_qml(Ramp ramp, double min, double max, double opacity)
{
    std::ostringstream o;
    o << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.0\" styleCategories=\"Symbology\">\n<pipe>\n"
      << "<rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"" << number(opacity) << "\" classificationMin=\"" << number(min)
      << "\" classificationMax=\"" << number(max) << "\" alphaBand=\"-1\" nodataColor=\"\">\n"
      << "<rastershader><colorrampshader colorRampType=\"INTERPOLATED\" classificationMode=\"2\" clip=\"0\" minimumValue=\"" << number(min)
      << "\" maximumValue=\"" << number(max) << "\">\n";
    // A fully transparent first stop: where the surface is (about) zero the map shows through.
    const int stops = 9;
    for (int i = 0; i < stops; ++i) {
        const double t = static_cast<double>(i) / (stops - 1);
        const Rgba c = ramp_colour(ramp, t);
        char colour[16];
        std::snprintf(colour, sizeof colour, "#%02x%02x%02x", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
        o << "<item alpha=\"" << (i == 0 ? 0 : 255) << "\" value=\"" << number(min + t * (max - min)) << "\" label=\"" << number(min + t * (max - min))
          << "\" color=\"" << colour << "\"/>\n";
    }
    o << "</colorrampshader></rastershader>\n</rasterrenderer>\n<brightnesscontrast brightness=\"0\" contrast=\"0\"/>\n</pipe>\n<blendMode>0</blendMode>\n</qgis>\n";
    return o.str();
}

}  // namespace geo
