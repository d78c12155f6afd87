// parkcap export: one layer of a project to a file for a report or another office, styled
// for QGIS, in the CRS asked for (geo/report/layer_export).
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "commands.h"
#include "geo/core/error.h"
#include "geo/report/layer_export.h"
#include "geo/style/layer_style.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"layer-id", "ID", "the layer to export (its id in the project; default: the enterprises)"},
    {"out", "FILE", "the file: .gpkg .shp .geojson .fgb .kml .csv .xlsx, or a PostGIS database \"PG:host=... dbname=...\""},
    {"crs", "CRS", "working (default), 4490 (CGCS2000), 4326 (WGS 84), gcj02 or bd09 (Chinese web maps; the file name gains _gcj02/_bd09)"},
    {"shp-encoding", "ENC", "Shapefile text: utf-8 (default) or gbk (with a .cpg of 936, for older Chinese software)"},
    {"no-style", "", "leave out the QGIS style (layer_styles in a GeoPackage or database, .qml beside a Shapefile)"},
    {"format", "FORMAT", "gpkg, shp, geojson, fgb, kml, csv, xlsx or postgis (default: from --out; with postgis, --out is the connection, \"PG:\" optional)"},
    {"spatial-index", "yes|no|auto", "R-tree on a GeoPackage layer: yes (default: an export is for sharing), no, or auto (off above 250,000 features; "
                                      "SQLite builds it at about 70,000 points a second)"},
    {"schema", "NAME", "into a PostGIS database (--out \"PG:host=... dbname=...\"): the schema (default public)"},
    {"table", "NAME", "into a PostGIS database: the table (default: the layer's id)"},
    {"overwrite", "", "replace an existing file"},
    {"help", "", "show this help"},
};

}  // namespace

int run_export(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap export PROJECT.parkcap.json --out FILE [--layer-id ID] [--crs CRS] [--shp-encoding utf-8|gbk] [--overwrite]\n\n"
                    "One layer of the project, styled as parkcap draws it (QGIS opens a GeoPackage or Shapefile with that style),\n"
                    "in the CRS asked for.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    if (args.get("out").empty()) throw UsageError("--out FILE is required");
    std::string out = args.get("out");
    if (const std::string format = args.get("format"); !format.empty()) {
        static const std::vector<std::string> files = {"gpkg", "shp", "geojson", "fgb", "kml", "csv", "xlsx"};
        if (format == "postgis") {
            if (out.rfind("PG:", 0) != 0) out = "PG:" + out;
        } else if (std::find(files.begin(), files.end(), format) != files.end()) {
            const std::string ext = std::filesystem::path(out).extension().string();
            if (ext.empty()) out += "." + format;
            else if (ext != "." + format) throw UsageError("--out " + out + " does not end in ." + format + " (--format " + format + ")");
        } else {
            throw UsageError("--format needs gpkg, shp, geojson, fgb, kml, csv, xlsx or postgis, not '" + format + "'");
        }
    } else if (!args.get("schema").empty() && out.rfind("PG:", 0) != 0) {
        throw UsageError("--schema is for a PostGIS database: give --format postgis or --out \"PG:host=... dbname=...\"");
    }
    geo::ExportOptions o;
    try {
        o.crs = geo::parse_export_crs(args.get("crs"));
    } catch (const geo::Error& e) {
        throw UsageError(std::string("--crs: ") + e.what());
    }
    const std::string enc = args.get("shp-encoding");
    if (!enc.empty() && enc != "utf-8" && enc != "UTF-8" && enc != "gbk" && enc != "GBK") throw UsageError("--shp-encoding needs utf-8 or gbk, not '" + enc + "'");
    o.encoding = enc;
    o.overwrite = args.flag("overwrite");
    if (const std::string mode = args.get("spatial-index"); !mode.empty()) {
        if (mode == "no") o.spatial_index_limit = 0;
        else if (mode == "auto") o.spatial_index_limit = 250000;
        else if (mode != "yes") throw UsageError("--spatial-index takes yes, no or auto, not '" + mode + "'");
    }
    o.qgis_style = !args.flag("no-style");
    o.schema = args.get("schema").empty() ? "public" : args.get("schema");
    o.table = args.get("table");

    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    if (out.rfind("PG:", 0) != 0) refuse_inputs_as_outputs(input, {out});
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress());
    print_load_notes(project);
    const std::string id = args.get("layer-id");
    for (size_t i = 0; i < project.layers.size(); ++i) {
        const geo::LoadedLayer& l = project.layers[i];
        if (id.empty() ? l.config.role != geo::Role::Enterprises : l.config.id != id) continue;
        geo::LayerStyle style = geo::project_layer_style(l, i);
        geo::classify(style, *l.data);
        const geo::ExportResult r = geo::export_layer(*l.data, project.working.crs, style, l.config.id, out, o);
        for (const std::string& n : r.notes) std::printf("note: %s\n", n.c_str());
        std::printf("wrote %zu features of '%s' to %s\n", l.data->size(), l.config.id.c_str(), r.path.string().c_str());
        return 0;
    }
    std::string known;
    for (const geo::LoadedLayer& l : project.layers) known += (known.empty() ? "" : ", ") + l.config.id;
    throw geo::Error(id.empty() ? "the project has no enterprises layer; name one with --layer-id (" + known + ")"
                                : "the project has no layer '" + id + "' (" + known + ")");
}

}  // namespace cli
