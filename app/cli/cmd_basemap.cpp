// parkcap basemap: checks the project's basemap (or one given here) over the project's extent,
// draws it into a GeoTIFF of the working CRS, and saves the setting into a copy of the project
// (geo/basemap).
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "commands.h"
#include "geo/basemap/basemap_reader.h"
#include "geo/core/error.h"
#include "geo/io/image_writer.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"source", "SOURCE", "a raster file (GeoTIFF, MBTiles, GeoPackage), an XYZ template with {x} {y} {z} (URL or folder), or WMTS:URL"},
    {"wmts-layer", "NAME", "the WMTS layer (Tianditu: img, vec, ter, cia, cva, ...)"},
    {"key-env", "VAR", "the environment variable holding the key sent on every request (Tianditu's tk)"},
    {"coordinates", "wgs84|gcj02", "the tiles' coordinates: gcj02 for Amap and Tencent (shifted onto true positions)"},
    {"max-zoom", "Z", "XYZ: the deepest zoom level the server has (default 18)"},
    {"opacity", "0-1", "how opaque the basemap is drawn"},
    {"cache", "DIR", "where downloaded tiles are kept (default ~/.cache/parkcap/tiles)"},
    {"out", "FILE.tif", "the basemap over the project's extent as an RGBA GeoTIFF in the working CRS"},
    {"width", "PIXELS", "the image's width (default 2000; the height follows the extent)"},
    {"project-out", "FILE", "a copy of the project with this basemap in it"},
    {"overwrite", "", "replace earlier outputs"},
    {"help", "", "show this help"},
};

// The project's basemap with the options given here laid over it.
geo::BasemapSource basemap_from(const geo::Project& project, const Args& args)
{
    geo::Json j = project.extra.contains("basemap") ? project.extra["basemap"] : geo::Json::object();
    if (!j.is_object()) j = geo::Json::object();
    for (const char* key : {"source", "wmts-layer", "key-env", "coordinates", "cache"})
        if (args.flag(key)) {
            std::string k = key;
            if (k == "key-env") k = "key_env";
            if (k == "wmts-layer") k = "layer";
            j[k] = args.get(key);
        }
    if (args.flag("source") && !args.flag("wmts-layer")) j.erase("layer");
    if (args.flag("max-zoom")) j["max_zoom"] = args.get_int_in("max-zoom", 18, 0, 23);
    if (args.flag("opacity")) j["opacity"] = args.get_number_in("opacity", 1, 0, 1);
    if (!j.contains("source")) throw geo::Error("the project has no basemap; give one with --source", {.file = project.file.string()});
    return geo::parse_basemap(j, args.flag("source") ? "--source" : "basemap");
}

}  // namespace

int run_basemap(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap basemap PROJECT.parkcap.json [--source S] [--out FILE.tif] [--project-out FILE]\n\n"
                    "The basemap under the map's layers, checked over the project's extent: what it is, how much of the\n"
                    "extent it covers, and whether its server answers. Web tiles are cached on disk; when the server cannot\n"
                    "be reached, cached tiles are used and this says so. Examples:\n"
                    "  --source 'https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}' --key-env TIANDITU_TK\n"
                    "  --source 'WMTS:https://t0.tianditu.gov.cn/img_w/wmts?request=GetCapabilities&service=wmts' --key-env TIANDITU_TK\n"
                    "  --source 'https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}' --coordinates gcj02\n"
                    "  --source tiles/{z}/{x}/{y}.png       --source chongqing.mbtiles\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    const int width = static_cast<int>(args.get_int_in("width", 2000, 16, 16000));
    geo::Project input = input_project(args.positional[0], args, geo::Role::Parks);
    const geo::BasemapSource source = basemap_from(input, args);
    std::vector<std::string> outputs;
    if (args.flag("out")) outputs.push_back(args.get("out"));
    if (args.flag("project-out")) outputs.push_back(args.get("project-out"));
    refuse_inputs_as_outputs(input, outputs, {});
    if (args.flag("project-out")) refuse_to_overwrite(args.get("project-out"), args.flag("overwrite"));
    const std::filesystem::path folder = input.file.has_parent_path() ? input.file.parent_path() : std::filesystem::path(".");
    geo::Project copy = input;
    geo::FieldNeeds geometry_only;  // the extent is all this needs of the layers
    for (geo::Role role : geo::all_roles()) geometry_only[role] = {};
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(), geometry_only);
    end_terminal_progress();
    print_load_notes(project);

    const geo::BasemapReader reader(source, folder, project.working.crs);
    std::printf("basemap: %s\n", reader.describe().c_str());
    const geo::Envelope extent = geo::view_extent(project);
    const int height = std::max(16, static_cast<int>(std::lround(width * extent.height() / std::max(extent.width(), 1.0))));
    const geo::BasemapImage img = reader.render(extent, width, std::min(height, 16000));
    if (!img.problem.empty()) std::fprintf(stderr, "warning: %s\n", img.problem.c_str());
    const double share = 100.0 * static_cast<double>(img.covered_pixels()) / (static_cast<double>(img.width) * img.height);
    std::printf("covers %.1f%% of the project's extent (%d x %d pixels, %.1f m a pixel, %s)\n", share, img.width, img.height,
                extent.width() / img.width, project.working.crs.code().c_str());
    if (args.flag("out")) {
        geo::write_rgba_geotiff(img.rgba, img.width, img.height, img.extent, project.working.crs, args.get("out"), args.flag("overwrite"));
        std::printf("wrote %s\n", args.get("out").c_str());
    }
    if (args.flag("project-out")) {
        geo::store_basemap(copy, source);
        geo::write_project(copy, args.get("project-out"));
        std::printf("wrote %s with this basemap\n", args.get("project-out").c_str());
    }
    return share > 0 || img.problem.empty() ? 0 : 1;
}

}  // namespace cli
