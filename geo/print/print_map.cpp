#include "geo/print/print_map.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <memory>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <geos_c.h>
#include <pango/pangocairo.h>

#include "geo/core/error.h"
#include "geo/core/geos_util.h"
#include "geo/io/atomic_file.h"
#include "geo/report/text_format.h"
#include "geo/style/point_aggregation.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

constexpr double kMm = 72.0 / 25.4;  // points per millimetre
const char* kFont = "Noto Sans CJK SC";

struct Size {
    double w, h;  // points (PDF, SVG) or pixels (PNG)
};

Size page_size(const PaperSpec& p, bool png)
{
    if (p.size == PaperSpec::Pixels) return {static_cast<double>(p.width_px), static_cast<double>(p.height_px)};
    double w = p.size == PaperSpec::A4 ? 210 : 297, h = p.size == PaperSpec::A4 ? 297 : 420;
    if (p.landscape) std::swap(w, h);
    const double unit = png ? p.dpi / 25.4 : kMm;
    return {std::round(w * unit), std::round(h * unit)};
}

void set_colour(cairo_t* cr, Rgba c, double opacity = 1)
{
    cairo_set_source_rgba(cr, (c & 0xFF) / 255.0, ((c >> 8) & 0xFF) / 255.0, ((c >> 16) & 0xFF) / 255.0, ((c >> 24) & 0xFF) / 255.0 * opacity);
}

// Text at (x, y) (its top-left), `size` in points of the page, returns its width and height.
// `wrap`: the width at which lines break (0: one line).
std::pair<double, double> text(cairo_t* cr, const std::string& s, double x, double y, double size, bool bold = false, Rgba colour = rgba(30, 30, 30),
                               double wrap = 0)
{
    PangoLayout* layout = pango_cairo_create_layout(cr);
    if (wrap > 0) {
        pango_layout_set_width(layout, static_cast<int>(wrap * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    }
    PangoFontDescription* font = pango_font_description_from_string(kFont);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, s.c_str(), -1);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    set_colour(cr, colour);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(font);
    g_object_unref(layout);
    return {w, h};
}

// The map frame: working-CRS metres to page units.
struct Frame {
    double x, y, w, h;  // on the page
    Envelope view;      // what it shows
    double scale;       // page units per metre
    double px(double mx) const { return x + (mx - view.min_x) * scale; }
    double py(double my) const { return y + (view.max_y - my) * scale; }
};

Frame fit(const Envelope& e, double x, double y, double w, double h)
{
    Envelope v = e;
    if (v.empty()) v = {0, 0, 1, 1};
    const double ew = std::max(v.width(), 1.0), eh = std::max(v.height(), 1.0);
    const double scale = std::min(w / ew, h / eh);
    const double cx = (v.min_x + v.max_x) / 2, cy = (v.min_y + v.max_y) / 2;
    const double hw = w / scale / 2, hh = h / scale / 2;  // widened to the frame's proportions
    return {x, y, w, h, {cx - hw, cy - hh, cx + hw, cy + hh}, scale};
}

void path_rings(cairo_t* cr, const GeometryColumn& g, size_t f, const Frame& fr)
{
    for (size_t p = g.part_begin(f); p < g.part_begin(f) + g.part_count(f); ++p)
        for (size_t r = g.ring_begin(p); r < g.ring_begin(p) + g.ring_count(p); ++r) {
            bool first = true;
            for (const Coord& c : g.ring(r)) {
                if (first) cairo_move_to(cr, fr.px(c.x), fr.py(c.y));
                else cairo_line_to(cr, fr.px(c.x), fr.py(c.y));
                first = false;
            }
            if (g.kind() == GeomKind::Polygon) cairo_close_path(cr);
        }
}

// Draws one layer; returns the bins' largest count when it was aggregated (0: drawn as is).
uint32_t draw_layer(cairo_t* cr, const PrintLayer& l, const std::vector<Rgba>& colours, const Frame& fr, double page_px_per_unit)
{
    const GeometryColumn& g = l.data->geometry;
    const double lw = 0.6 * page_px_per_unit;  // a "pixel" on paper
    if (g.kind() == GeomKind::Point && l.aggregate) {
        // The screen's rule at the frame's size in pixels (96 dpi on paper).
        AggregationRule rule;
        const double pixels_w = fr.w / page_px_per_unit, pixels_h = fr.h / page_px_per_unit;
        const ScreenBins b = bin_points(g.coords(), fr.view, pixels_w, pixels_h, rule);
        if (b.aggregate) {
            const double cell = b.cell_px * page_px_per_unit;
            for (int r = 0; r < b.rows; ++r)
                for (int c = 0; c < b.cols; ++c) {
                    const uint32_t n = b.counts[static_cast<size_t>(r) * static_cast<size_t>(b.cols) + static_cast<size_t>(c)];
                    if (!n) continue;
                    set_colour(cr, bin_colour(n, b.max_count), l.style.opacity);
                    cairo_rectangle(cr, fr.x + c * cell, fr.y + r * cell, cell, cell);
                    cairo_fill(cr);
                }
            return b.max_count;
        }
    }
    for (size_t f = 0; f < g.size(); ++f) {
        if (!fr.view.intersects(g.envelope(f))) continue;
        const Rgba fill = colours[f];
        if (g.kind() == GeomKind::Point) {
            const Coord c = g.first_coord(f);
            cairo_arc(cr, fr.px(c.x), fr.py(c.y), l.style.point_size_px * page_px_per_unit * 0.5, 0, 2 * M_PI);
            set_colour(cr, fill, l.style.opacity);
            cairo_fill_preserve(cr);
            set_colour(cr, l.style.stroke, l.style.opacity);
            cairo_set_line_width(cr, lw * 0.5);
            cairo_stroke(cr);
        } else if (g.kind() == GeomKind::Line) {
            path_rings(cr, g, f, fr);
            set_colour(cr, fill, l.style.opacity);
            cairo_set_line_width(cr, std::max(0.3, static_cast<double>(l.style.stroke_width_px)) * lw);
            cairo_stroke(cr);
        } else {
            path_rings(cr, g, f, fr);
            cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
            set_colour(cr, fill, l.style.opacity);
            cairo_fill_preserve(cr);
            set_colour(cr, l.style.stroke, l.style.opacity);
            cairo_set_line_width(cr, l.style.stroke_width_px * lw);
            if (l.style.stroke_width_px > 0) cairo_stroke(cr);
            else cairo_new_path(cr);
        }
    }
    return 0;
}

// Labels of polygons at a point surely inside them (GEOS point on surface), larger first.
void draw_labels(cairo_t* cr, const PrintLayer& l, const Frame& fr, double size)
{
    const Column* c = l.style.label_field.empty() ? nullptr : l.data->column(l.style.label_field);
    if (!c) return;
    const GeometryColumn& g = l.data->geometry;
    GeosContext ctx;
    std::vector<std::pair<double, size_t>> order;
    for (size_t f = 0; f < g.size(); ++f) order.emplace_back(-g.envelope(f).width() * g.envelope(f).height(), f);
    std::sort(order.begin(), order.end());
    std::vector<std::array<double, 4>> taken;
    for (const auto& [area, f] : order) {
        if (c->is_null(f) || !fr.view.intersects(g.envelope(f))) continue;
        Coord at = g.first_coord(f);
        if (g.kind() == GeomKind::Polygon) {
            if (GeosGeom geom = to_geos(ctx, g, f)) {
                GEOSGeometry* p = GEOSPointOnSurface_r(ctx.handle(), geom.get());
                if (p) {
                    GEOSGeomGetX_r(ctx.handle(), p, &at.x);
                    GEOSGeomGetY_r(ctx.handle(), p, &at.y);
                    GEOSGeom_destroy_r(ctx.handle(), p);
                }
            }
        }
        const double x = fr.px(at.x), y = fr.py(at.y);
        if (x < fr.x || x > fr.x + fr.w || y < fr.y || y > fr.y + fr.h) continue;
        // Measure, then place centred unless it overlaps a label already placed.
        PangoLayout* layout = pango_cairo_create_layout(cr);
        PangoFontDescription* font = pango_font_description_from_string(kFont);
        pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
        pango_layout_set_font_description(layout, font);
        const std::string s = c->text(f);
        pango_layout_set_text(layout, s.c_str(), -1);
        int w = 0, h = 0;
        pango_layout_get_pixel_size(layout, &w, &h);
        const std::array<double, 4> box{x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0};
        const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const auto& t) {
            return box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3];
        });
        if (!overlaps) {
            taken.push_back(box);
            cairo_move_to(cr, box[0], box[1]);
            pango_cairo_layout_path(cr, layout);  // a white halo, then the text
            cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
            cairo_set_line_width(cr, size * 0.25);
            cairo_stroke(cr);
            cairo_move_to(cr, box[0], box[1]);
            set_colour(cr, l.label_colour);
            pango_cairo_show_layout(cr, layout);
        }
        pango_font_description_free(font);
        g_object_unref(layout);
    }
}

void swatch(cairo_t* cr, double x, double y, double s, Rgba fill, GeomKind kind, Rgba stroke)
{
    if (kind == GeomKind::Point) {
        cairo_arc(cr, x + s / 2, y + s / 2, s * 0.35, 0, 2 * M_PI);
        set_colour(cr, fill);
        cairo_fill(cr);
    } else if (kind == GeomKind::Line) {
        cairo_move_to(cr, x, y + s / 2);
        cairo_line_to(cr, x + s * 1.4, y + s / 2);
        set_colour(cr, fill);
        cairo_set_line_width(cr, s * 0.2);
        cairo_stroke(cr);
    } else {
        cairo_rectangle(cr, x, y + s * 0.1, s * 1.4, s * 0.8);
        set_colour(cr, with_alpha(fill, 255));
        cairo_fill_preserve(cr);
        set_colour(cr, stroke);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
    }
}

// The basemap in the frame at 150 dpi (at most 4,000 pixels a side), under the layers.
void draw_basemap(cairo_t* cr, const BasemapReader& basemap, double opacity, const Frame& fr, double unit)
{
    const double per_mm = 150 / 25.4;
    const double scale = std::min({1.0, 4000 / (fr.w / unit * per_mm), 4000 / (fr.h / unit * per_mm)});
    const int w = std::max(1, static_cast<int>(std::lround(fr.w / unit * per_mm * scale)));
    const int h = std::max(1, static_cast<int>(std::lround(fr.h / unit * per_mm * scale)));
    const BasemapImage img = basemap.render(fr.view, w, h);
    if (img.covered_pixels() == 0) return;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    const int stride = cairo_image_surface_get_stride(surface);
    cairo_surface_flush(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const uint8_t* p = &img.rgba[(static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4];
            const uint32_t a = p[3];
            // cairo's ARGB32: premultiplied, native-endian 32-bit words.
            const uint32_t word = a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
            std::memcpy(data + static_cast<size_t>(y) * static_cast<size_t>(stride) + static_cast<size_t>(x) * 4, &word, 4);
        }
    cairo_surface_mark_dirty(surface);
    cairo_save(cr);
    cairo_translate(cr, fr.x, fr.y);
    cairo_scale(cr, fr.w / w, fr.h / h);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_paint_with_alpha(cr, opacity);
    cairo_restore(cr);
    cairo_surface_destroy(surface);
}

void draw_page(cairo_t* cr, const MapPage& page, Size size, double unit /* page units per mm */)
{
    const bool zh = page.language == Language::Zh;
    const double margin = 10 * unit, gap = 4 * unit;
    const double px = unit * 25.4 / 96;  // one screen pixel at 96 dpi, in page units
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    // Title and subtitle.
    auto [tw, th] = text(cr, page.title, margin, margin, 6 * unit, true);
    double top = margin + th;
    if (!page.subtitle.empty()) top += text(cr, page.subtitle, margin, top, 3.5 * unit).second;
    top += gap;
    // The map frame (left) and the legend (right), above the footer.
    const double footer = 14 * unit, legend_w = std::min(70 * unit, size.w * 0.28);
    const double map_w = size.w - 2 * margin - legend_w - gap, map_h = size.h - top - margin - footer;
    const Frame fr = fit(page.extent, margin, top, map_w, map_h);
    cairo_save(cr);
    cairo_rectangle(cr, fr.x, fr.y, fr.w, fr.h);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, 222 / 255.0, 230 / 255.0, 236 / 255.0);  // the screen's background
    cairo_paint(cr);
    if (page.basemap) draw_basemap(cr, *page.basemap, page.basemap_opacity, fr, unit);
    std::vector<uint32_t> binned(page.layers.size(), 0);
    std::vector<PrintLayer> layers = page.layers;
    for (size_t i = 0; i < layers.size(); ++i) {
        if (!layers[i].style.visible) continue;
        const std::vector<Rgba> colours = classify(layers[i].style, *layers[i].data);
        binned[i] = draw_layer(cr, layers[i], colours, fr, px);
    }
    for (const PrintLayer& l : layers)
        if (l.style.visible) draw_labels(cr, l, fr, 3 * unit);
    cairo_restore(cr);
    cairo_rectangle(cr, fr.x, fr.y, fr.w, fr.h);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_set_line_width(cr, 0.3 * unit);
    cairo_stroke(cr);

    // Legend: exactly what is drawn (top layer first, as on screen).
    double lx = fr.x + fr.w + gap, ly = top;
    ly += text(cr, zh ? "图例" : "Legend", lx, ly, 4 * unit, true).second + unit;
    const double s = 3.2 * unit, line = 4.2 * unit, fs = 2.8 * unit;
    for (size_t k = layers.size(); k-- > 0;) {
        const PrintLayer& l = layers[k];
        if (!l.style.visible || ly > fr.y + fr.h - line) continue;
        const GeomKind kind = l.data->geometry.kind();
        if (binned[k]) {
            ly += text(cr, l.title + (zh ? "（每格点数）" : " (points per cell)"), lx, ly, fs, true).second;
            for (int i = 0; i < 24; ++i) {
                set_colour(cr, with_alpha(bin_colour(std::max<uint32_t>(1, static_cast<uint32_t>(binned[k] * std::pow((i + 0.5) / 24, 2))), binned[k]), 255));
                cairo_rectangle(cr, lx + i * legend_w * 0.6 / 24, ly, legend_w * 0.6 / 24 + 0.2, s);
                cairo_fill(cr);
            }
            ly += s;
            ly += text(cr, "1 – " + grouped(static_cast<int64_t>(binned[k])), lx, ly, fs).second + unit;
            continue;
        }
        if (l.style.categories.empty() && l.style.grad_classes.empty()) {
            swatch(cr, lx, ly, s, l.style.fill, kind, l.style.stroke);
            ly += std::max(line, text(cr, l.title, lx + s * 1.8, ly, fs).second);
            continue;
        }
        ly += text(cr, l.title, lx, ly, fs, true).second;
        for (const Category& c : l.style.categories) {
            if (ly > fr.y + fr.h - line) break;
            swatch(cr, lx + unit, ly, s, c.colour, kind, l.style.stroke);
            const std::string name = (c.value.empty() ? (zh ? "（无值）" : "(no value)") : c.value) + " (" + grouped(c.count) + ")";
            ly += std::max(line, text(cr, name, lx + unit + s * 1.8, ly, fs).second);
        }
        for (const GradClass& c : l.style.grad_classes) {
            if (ly > fr.y + fr.h - line) break;
            swatch(cr, lx + unit, ly, s, c.colour, kind, l.style.stroke);
            char b[96];
            std::snprintf(b, sizeof b, "%.4g – %.4g (%lld)", c.lower, c.upper, static_cast<long long>(c.count));
            ly += std::max(line, text(cr, b, lx + unit + s * 1.8, ly, fs).second);
        }
        ly += unit;
    }

    // Footer: scale bar, north arrow, CRS, sources, date.
    const double fy = fr.y + fr.h + 2 * unit;
    const double metres = nice_length(fr.w * 0.3 / fr.scale);
    const double bar = metres * fr.scale;
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    cairo_rectangle(cr, fr.x, fy, bar / 2, 1.2 * unit);
    cairo_fill(cr);
    cairo_rectangle(cr, fr.x, fy, bar, 1.2 * unit);
    cairo_set_line_width(cr, 0.25 * unit);
    cairo_stroke(cr);
    text(cr, "0", fr.x - unit * 0.7, fy + 1.5 * unit, fs);
    text(cr, metres >= 1000 ? grouped(static_cast<int64_t>(metres / 1000)) + " km" : grouped(static_cast<int64_t>(metres)) + " m", fr.x + bar - 2 * unit, fy + 1.5 * unit, fs);
    // North arrow at the frame's top right.
    const double ax = fr.x + fr.w - 8 * unit, ay = fr.y + 4 * unit;
    cairo_move_to(cr, ax, ay);
    cairo_line_to(cr, ax - 2.5 * unit, ay + 7 * unit);
    cairo_line_to(cr, ax, ay + 5.5 * unit);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_fill(cr);
    cairo_move_to(cr, ax, ay);
    cairo_line_to(cr, ax + 2.5 * unit, ay + 7 * unit);
    cairo_line_to(cr, ax, ay + 5.5 * unit);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_fill(cr);
    text(cr, "N", ax - 1.1 * unit, ay - 4.5 * unit, 3.2 * unit, true);
    const std::string info = (zh ? "坐标系：" : "CRS: ") + page.crs + (page.sources.empty() ? "" : "   " + page.sources) +
                             (page.date.empty() ? "" : (zh ? "   日期：" : "   Date: ") + page.date);
    const double info_x = fr.x + bar + 12 * unit;
    text(cr, info, info_x, fy, 2.4 * unit, false, rgba(80, 80, 80), size.w - margin - info_x);  // wrapped: long source lists stay on the page
}

cairo_status_t write_chunk(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string lower_ext(const fs::path& p)
{
    std::string e = p.extension().string();
    for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

// Renders `pages` into a file's bytes; `ext` chooses the surface.
std::string render(const std::vector<MapPage>& pages, const PaperSpec& paper, const std::string& ext, const fs::path& path)
{
    std::string bytes;
    const bool png = ext == ".png";
    const Size size = page_size(paper, png);
    const double unit = paper.size == PaperSpec::Pixels ? size.w / 297.0 : (png ? paper.dpi / 25.4 : kMm);
    cairo_surface_t* surface = nullptr;
    if (ext == ".pdf") {
        surface = cairo_pdf_surface_create_for_stream(write_chunk, &bytes, size.w, size.h);
        // Reproducible: the creation date is the page's date, not now.
        const std::string date = pages.empty() || pages[0].date.size() < 10 ? "2000-01-01T00:00:00Z" : pages[0].date.substr(0, 10) + "T00:00:00Z";
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, pages.empty() ? "" : pages[0].title.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "parkcap");
    } else if (ext == ".svg") {
        surface = cairo_svg_surface_create_for_stream(write_chunk, &bytes, size.w, size.h);
    } else if (png) {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(size.w), static_cast<int>(size.h));
    } else {
        throw Error("a map is written as .pdf, .svg or .png, not '" + ext + "'", {.file = path.string()});
    }
    cairo_t* cr = cairo_create(surface);
    for (const MapPage& p : pages) {
        draw_page(cr, p, size, unit);
        cairo_show_page(cr);
    }
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (png) cairo_surface_write_to_png_stream(surface, write_chunk, &bytes);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw Error(std::string("cannot draw the map: ") + cairo_status_to_string(status), {.file = path.string()});
    return bytes;
}

}  // namespace

double nice_length(double max_metres)
{
    if (max_metres <= 0) return 0;
    const double p = std::pow(10.0, std::floor(std::log10(max_metres)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= max_metres) return m * p;
    return p;
}

MapPage project_page(const LoadedProject& project, Language language)
{
    MapPage page;
    page.title = project.project.name;
    page.crs = project.working.crs.describe();
    page.language = language;
    std::string sources;
    for (size_t i = 0; i < project.layers.size(); ++i) {
        const LoadedLayer& l = project.layers[i];
        PrintLayer pl;
        pl.data = l.data.get();
        pl.style = project_layer_style(l, i);
        pl.title = l.config.id;
        pl.aggregate = l.config.role == Role::Enterprises;
        if (l.config.role == Role::Regions) pl.label_colour = rgba(110, 110, 110);
        page.layers.push_back(pl);
        sources += (sources.empty() ? "" : ", ") + fs::path(l.config.source.path).filename().string();
        page.extent.expand(l.data->geometry.envelope());
    }
    page.sources = (language == Language::Zh ? "数据：" : "Data: ") + sources;
    try {
        if (const std::optional<BasemapSource> b = basemap_of(project.project); b && b->visible) {
            const fs::path folder = project.project.file.has_parent_path() ? project.project.file.parent_path() : fs::path(".");
            page.basemap = std::make_shared<const BasemapReader>(*b, folder, project.working.crs);
            page.basemap_opacity = b->opacity;
            page.sources += (language == Language::Zh ? "；底图：" : "; basemap: ") + describe(*b);
        }
    } catch (const Error& e) {
        page.basemap_problem = e.what();
    }
    return page;
}

std::string render_map(const MapPage& page, const PaperSpec& paper, const std::string& ext) { return render({page}, paper, ext, "(report)"); }

void write_map(const MapPage& page, const PaperSpec& paper, const fs::path& path)
{
    write_file_atomically(path, render({page}, paper, lower_ext(path), path));
}

void write_atlas(const std::vector<MapPage>& pages, const PaperSpec& paper, const fs::path& pdf)
{
    if (lower_ext(pdf) != ".pdf") throw Error("an atlas is one PDF: give a .pdf file", {.file = pdf.string()});
    write_file_atomically(pdf, render(pages, paper, ".pdf", pdf));
}

}  // namespace geo
