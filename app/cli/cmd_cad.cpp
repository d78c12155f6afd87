// parkcap cad: a site plan drawn in CAD (DXF) as GIS layers: parcels, green space and buildings
// as polygons with their labels, roads as lines; registered onto CGCS2000 Gauss-Kruger from
// control points when it is drawn in local coordinates (geo/cad).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "args.h"
#include "commands.h"
#include "geo/cad/cad_import.h"
#include "geo/cad/cad_template.h"
#include "geo/cad/registration.h"
#include "geo/core/error.h"
#include "geo/io/atomic_file.h"
#include "geo/io/crs.h"
#include "geo/io/layer_writer.h"
#include "geo/report/registration_summary.h"
#include "geo/project/project.h"
#include "geo/project/settings_reader.h"
#include "output_options.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"out", "FILE.gpkg", "the layers: parcels, green, buildings, roads, unplaced_labels (those with features)"},
    {"encoding", "ENC", "the drawing's text encoding (CP936 for GBK, UTF-8, ...; default: its $DWGCODEPAGE, GBK when it names none)"},
    {"template", "FILE.json", "which CAD layers are parcels, roads, green space, buildings and labels: a template file or a project holding one "
                              "(default: common Chinese layer names)"},
    {"save-template", "FILE.json", "write the template used, to edit and use again on the next drawing; into an existing project "
                                   "(PROJECT.parkcap.json) as its analysis.cad.template"},
    {"control", "POINTS.csv", "control points: x,y in the drawing and east,north (or survey X,Y) in the target CRS (or in --from-crs)"},
    {"transform", "KIND", "similarity (4 parameters, default; at least 2 points) or affine (6; at least 3)"},
    {"crs", "CRS", "the target CRS (default: the CGCS2000 Gauss-Kruger zone the eastings name, e.g. 36 -> EPSG:4545)"},
    {"from-crs", "CRS", "the CRS the drawing (or its control points) is in when it is not the target: Beijing 1954 or Xi'an 1980 Gauss-Kruger, ..."},
    {"datum", "DX,DY,DZ,RX,RY,RZ,PPM", "7-parameter datum transform from --from-crs onto CGCS2000 (metres, arc-seconds, ppm; as published for the region)"},
    {"rotation", "CONVENTION", "the rotations of --datum: position-vector (default, EPSG 9606) or coordinate-frame (EPSG 9607)"},
    {"overwrite", "", "replace an existing file"},
    {"help", "", "show this help"},
};

}  // namespace

int run_cad(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap cad DRAWING.dxf --out FILE.gpkg [--encoding ENC] [--template T.json] [--control POINTS.csv [--transform KIND]] [--crs CRS]\n\n"
                    "A site plan drawn in CAD as GIS layers: closed polylines, hatch fills and boundaries drawn as separate lines\n"
                    "become parcel, green-space and building polygons, each label text (parcel number, land use, FAR) is attached\n"
                    "to the parcel it lies in, road lines are kept; a drawing in local coordinates is registered onto CGCS2000\n"
                    "Gauss-Kruger from control points, with every point's residual. DWG: save as DXF first (GDAL reads DWG only\n"
                    "in the AutoCAD 2000 format).\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one drawing");
    if (args.get("out").empty() && args.get("save-template").empty()) throw UsageError("--out FILE.gpkg is required");
    if (args.flag("transform") && !args.flag("control")) throw UsageError("--transform needs --control POINTS.csv");
    const std::string drawing = args.positional[0];
    for (const std::string& o : {args.get("out"), args.get("save-template")})
        if (!o.empty() && std::filesystem::exists(o) && std::filesystem::equivalent(o, drawing))
            throw geo::Error("the output would replace the drawing it reads", {.file = o});

    const geo::CadTemplate tpl = args.get("template").empty() ? geo::default_cad_template() : geo::read_cad_template(args.get("template"));
    if (const std::string save = args.get("save-template"); !save.empty()) {
        const bool project = save.size() > 13 && save.substr(save.size() - 13) == ".parkcap.json";
        if (project) {
            if (!std::filesystem::exists(save)) throw geo::Error("no such project to keep the template in", {.file = save});
            geo::Project p = geo::read_project(save);
            geo::store_settings(p, "cad", {{"template", geo::to_json(tpl)}});
            geo::write_project(p, save);
            std::printf("kept the layer template in %s (analysis.cad.template)\n", save.c_str());
        } else {
            refuse_to_overwrite(save, args.flag("overwrite"));
            geo::write_file_atomically(save, geo::to_json(tpl).dump(2) + "\n");
            std::printf("wrote the layer template %s\n", save.c_str());
        }
        if (args.get("out").empty()) return 0;
    }

    if ((args.flag("datum") || args.flag("rotation")) && args.get("from-crs").empty())
        throw UsageError("--datum needs --from-crs: the old CRS the drawing or its control points are in (Beijing 1954 or Xi'an 1980 Gauss-Kruger)");
    if (!args.get("from-crs").empty() && args.get("crs").empty()) throw UsageError("--from-crs needs --crs, the CRS to move the drawing onto");
    geo::CadImportOptions o;
    o.drawing = drawing;
    o.encoding = args.get("encoding");
    o.layer_template = tpl;
    o.control = args.get("control");
    o.transform = geo::parse_plane_transform(args.get("transform").empty() ? "similarity" : args.get("transform"));
    o.crs = args.get("crs");
    o.from_crs = args.get("from-crs");
    if (args.flag("datum")) {
        o.datum = geo::parse_seven_parameters(args.get("datum"));
        const std::string rotation = args.get("rotation").empty() ? "position-vector" : args.get("rotation");
        if (rotation != "position-vector" && rotation != "coordinate-frame")
            throw UsageError("--rotation needs position-vector or coordinate-frame, not '" + rotation + "'");
        o.datum->coordinate_frame = rotation == "coordinate-frame";
    }
    const geo::CadImport imported = [&] {
        try {
            return geo::import_cad(o);
        } catch (const geo::CadNeedsCrs&) {
            throw UsageError("give --crs (the CRS the drawing is drawn in, or the target of --control): the drawing does not say, and no zone number says it");
        }
    }();
    for (const std::string& n : imported.notes) std::fprintf(stderr, "note: %s\n", n.c_str());
    for (const std::string& line : imported.log) std::printf("%s\n", line.c_str());
    const geo::CadLayers& layers = imported.layers;
    const geo::Crs& crs = imported.crs;
    std::vector<std::pair<std::string, const geo::Layer*>> out;
    for (const geo::Layer* l : {&layers.parcels, &layers.green, &layers.buildings, &layers.roads, &layers.unplaced_labels})
        if (l->size()) out.emplace_back(l->name, l);
    if (out.empty()) throw geo::Error("no CAD layer of the drawing matches the template: nothing to write (--save-template shows the names it looks for)", {.file = drawing});
    geo::WriteOptions wo;
    wo.overwrite = args.flag("overwrite");
    geo::write_layers(out, crs, args.get("out"), wo);
    std::printf("wrote %s:", args.get("out").c_str());
    for (const auto& [name, l] : out) std::printf(" %s (%zu)", name.c_str(), l->size());
    std::printf("\n");
    return 0;
}

}  // namespace cli
