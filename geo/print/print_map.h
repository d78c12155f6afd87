#pragma once
// Print-ready maps (PDF, SVG, PNG) through cairo, with text laid out by pango: a title, the
// map, a legend of exactly what is drawn, a scale bar, a north arrow, the CRS, the data
// sources and the date; A4 or A3 in either orientation, or a pixel size. CJK fonts are
// embedded as subsets, so the Chinese text of a PDF is searchable. The same style model and
// point-aggregation rule as the screen: more points in view than the rule draws one by one
// are drawn as bins. No display, no OpenGL: the command line prints maps too.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/basemap/basemap_reader.h"
#include "geo/core/envelope.h"
#include "geo/core/layer.h"
#include "geo/project/loaded_project.h"
#include "geo/project/terms.h"
#include "geo/style/layer_style.h"

namespace geo {

struct PrintLayer {
    const Layer* data = nullptr;
    LayerStyle style;     // classified by print (the colours of categories and classes)
    std::string title;    // in the legend
    bool aggregate = false;  // the point-aggregation rule applies (the enterprises)
    Rgba label_colour = rgba(20, 70, 30);  // park names green, district names grey (as on screen)
};

struct MapPage {
    std::string title, subtitle;      // subtitle: a park, a scenario ("" for none)
    std::vector<PrintLayer> layers;   // bottom to top
    Envelope extent;                  // working CRS; widened to the map frame's proportions
    std::string crs;                  // "EPSG:4545 (CGCS2000 / ...)"
    std::string sources;              // "Data: ..."
    std::string date;                 // as printed ("2026-11-30"); fixed for reproducible files
    Language language = Language::En;
    // The basemap under the layers (the project's, when shown), drawn at 150 dpi in the frame.
    std::shared_ptr<const BasemapReader> basemap;
    double basemap_opacity = 1;
    std::string basemap_problem;  // why the project's basemap is not drawn ("" when it is or there is none)
};

struct PaperSpec {
    enum Size { A4, A3, Pixels } size = A4;
    bool landscape = true;
    int width_px = 1600, height_px = 1000;  // Pixels
    double dpi = 150;                      // PNG from a paper size
};

// The project as the map shows it: its basemap, every layer in the project's order with its style
// (project_layer_style), the enterprises under the aggregation rule, the whole extent, the CRS
// and the layer files as sources; title = the project's name.
MapPage project_page(const LoadedProject& project, Language language);

// One page as the bytes of an SVG or PNG (".svg", ".png"), for embedding in a report.
std::string render_map(const MapPage& page, const PaperSpec& paper, const std::string& ext);
// One page to `path` (.pdf, .svg or .png by the extension), atomically. Throws geo::Error.
void write_map(const MapPage& page, const PaperSpec& paper, const std::filesystem::path& path);
// Several pages into one PDF (an atlas: one page per park).
void write_atlas(const std::vector<MapPage>& pages, const PaperSpec& paper, const std::filesystem::path& pdf);

// A "nice" scale-bar length (1, 2 or 5 times a power of ten) of at most `max_metres`.
double nice_length(double max_metres);

}  // namespace geo
