// parkcap density: a kernel density surface of the enterprises, as a float32 GeoTIFF.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cmath>
#include <map>
#include <cstdio>
#include <optional>

#include "args.h"
#include "geo/io/atomic_file.h"
#include "geo/style/qgis_qml.h"
#include "commands.h"
#include "geo/core/error.h"
#include "geo/density/density_settings.h"
#include "geo/density/kde.h"
#include "geo/density/kernel.h"
#include "geo/density/point_selection.h"
#include "geo/io/raster_writer.h"
#include "geo/report/density_outputs.h"
#include "output_options.h"
#include "load_notes.h"
#include "geo/report/load_summary.h"
#include "project_input.h"
#include "settings_flags.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = with_layer_input({
    {"out", "FILE.tif", "the GeoTIFF to write (required)"},
    {"kernel", "NAME", "quartic (default), triweight, epanechnikov, uniform, triangular, gaussian"},
    {"radius", "METRES", "bandwidth in metres (default: the project's analysis.density, else 1000; σ for the Gaussian)"},
    {"bandwidth", "RULE", "choose the bandwidth by rule instead: silverman (ArcGIS's spatial variant) or scott"},
    {"cell", "METRES", "cell size (default 50)"},
    {"weight", "FIELD", "weight by a meaning (employees, output_value, floor_area, tax) or a field; default: count"},
    {"scale", "KIND", "raw (kernel sums, default) or per-km2 (weight per km², integrates to the total weight)"},
    {"cluster", "NAME", "only enterprises of this cluster"},
    {"tier", "NAME", "only enterprises of this tier"},
    {"industry", "CODE", "only enterprises whose industry code starts with CODE"},
    {"park", "NAME", "only enterprises inside this park"},
    {"extent", "x0,y0,x1,y1", "grid extent in the working CRS (default: the parks' extent plus the kernel's reach)"},
    {"method", "NAME", "auto (default), binned or exact"},
    {"overwrite", "", "replace FILE.tif if it exists"},
    {"cog", "", "write a Cloud-Optimized GeoTIFF (internal overviews)"},
    {"zero-as-nodata", "", "cells no point reaches as nodata (ArcGIS's convention) rather than 0"},
    {"no-style", "", "leave out the QGIS style (FILE.qml beside the GeoTIFF: the density ramp)"},
    {"role", "ROLE", "for a single point layer file: treat it as enterprises (default)"},
    {"show-settings", "", "print the effective settings (the project's analysis.density with the flags applied) as JSON and stop"},
    {"help", "", "show this help"},
});


}  // namespace

int run_density(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap density PROJECT.parkcap.json | POINTS_FILE --out FILE.tif [options]\n\n"
                    "Kernel density of the enterprises (or of any point layer) on a grid in the working CRS.\n"
                    "Starts from the project's analysis.density settings (what the density panel saved); flags override them.\n"
                    "The GeoTIFF's metadata records the kernel, bandwidth, rule, units and selection.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project or point layer file");
    if (args.get("out").empty() && !args.flag("show-settings")) throw UsageError("--out FILE.tif is required");
    const auto t0 = std::chrono::steady_clock::now();

    // The project's settings (analysis.density, as the panel saved them), then the flags.
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    geo::DensitySettings settings = geo::density_settings(input);
    apply_density_flags(args, settings);
    const geo::KdeOptions& o = settings.kde;
    const geo::PointFilter& filter = settings.filter;
    if (args.flag("show-settings")) {
        std::printf("%s\n", geo::Json({{"density", geo::to_json(settings)}}).dump(2).c_str());
        return 0;
    }

    refuse_inputs_as_outputs(input, {args.get("out")});
    read_only_park(input, filter.park);
    std::optional<geo::Envelope> extent;
    if (args.flag("extent")) {
        geo::Envelope e;
        if (std::sscanf(args.get("extent").c_str(), "%lf,%lf,%lf,%lf", &e.min_x, &e.min_y, &e.max_x, &e.max_y) != 4 || !(e.max_x > e.min_x && e.max_y > e.min_y))
            throw UsageError("--extent needs x0,y0,x1,y1 with x0<x1 and y0<y1");
        extent = e;
        // A fixed bandwidth: only the enterprises within its reach of the grid count, so only
        // they are read (the box filter in SQL for PostGIS, the R-tree of a GeoPackage).
        if (o.rule == geo::BandwidthRule::Fixed && filter.park.empty()) {
            const double reach = geo::kernel_support(o.kernel) * o.radius_m + 2 * o.cell_m;
            read_only_within(input, {e.min_x - reach, e.min_y - reach, e.max_x + reach, e.max_y + reach});
        }
    }
    // Only the fields the filters and the weight read: a registry's other fields stay unread.
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(),
                                                         {{geo::Role::Enterprises, geo::fields_needed(filter)}});
    print_load_notes(project);
    geo::require_features(project, geo::Role::Enterprises);
    const geo::PointSelection sel = geo::select_points(project, filter);
    if (sel.points.empty()) throw geo::Error("the selection is empty: no enterprise matches the filters");
    geo::KdeResult r;
    if (extent) {
        r = geo::kernel_density(sel.points, sel.weights, o, *extent, false, terminal_progress());
    } else {
        r = geo::density_surface(sel, o, terminal_progress());  // what the density panel shows
    }
    end_terminal_progress();

    const auto meta = geo::density_metadata(r, sel, filter, project.working.crs, "parkcap " PARKCAP_VERSION);
    float peak = 0;
    for (float v : r.raster.values) peak = std::max(peak, v);
    if (args.flag("zero-as-nodata"))
        for (float& v : r.raster.values)
            if (v <= 0) v = -9999.0f;
    geo::write_geotiff(r.raster, project.working.crs, args.get("out"), -9999.0f, meta, args.flag("overwrite"), args.flag("cog"));
    if (!args.flag("no-style")) {
        // QGIS opens the surface on the density panel's ramp, from 0 to the 98th percentile.
        std::vector<float> positive;
        for (float v : r.raster.values)
            if (v > 0) positive.push_back(v);
        float top = peak;
        if (!positive.empty()) {
            const size_t k = positive.size() * 98 / 100;
            std::nth_element(positive.begin(), positive.begin() + static_cast<std::ptrdiff_t>(std::min(k, positive.size() - 1)), positive.end());
            top = positive[std::min(k, positive.size() - 1)];
        }
        std::filesystem::path qml = args.get("out");
        qml.replace_extension(".qml");
        geo::write_file_atomically(qml, geo::qgis_raster_qml(geo::Ramp::YellowBrown, 0, top, 0.85));
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("wrote %s: %zu x %zu cells of %g m, %s kernel, bandwidth %.1f m (%s), method %s\n", args.get("out").c_str(),
                r.raster.grid.cols, r.raster.grid.rows, o.cell_m, std::string(geo::to_string(r.kernel)).c_str(), r.bandwidth_m,
                std::string(geo::to_string(r.rule)).c_str(), std::string(geo::to_string(r.method)).c_str());
    std::printf("%zu points, total weight %.6g (%s), peak %.6g %s, %.2f s\n", r.points, r.total_weight,
                sel.weight_field.empty() ? "count" : sel.weight_field.c_str(), peak, r.units().c_str(), seconds);
    if (sel.null_weights > 0) std::printf("note: %zu enterprises have no %s and are left out\n", sel.null_weights, sel.weight_field.c_str());
    return 0;
}

}  // namespace cli
