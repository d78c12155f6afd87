// parkcap info: what a project or a layer file holds, as the engine reads it.
#include <cstdio>
#include <cstdlib>

#include "args.h"
#include "commands.h"
#include "geo/report/park_tally_pushdown.h"
#include "geo/core/error.h"
#include "geo/io/dataset_open.h"
#include "geo/overlay/zone_assignment.h"
#include "geo/report/project_info.h"
#include "project_input.h"
#include "push_down.h"
#include "terminal_progress.h"

namespace cli {

namespace {

std::vector<OptionSpec> options()
{
    std::vector<OptionSpec> own = {{"json", "", "print JSON instead of text"}};
    for (const OptionSpec& o : push_down_options("count enterprises and employees per park"))
        own.push_back(o);
    own.insert(own.end(), {
        {"all-fields", "", "read every field of the enterprises (checks each binding's values; by default only employees are read)"},
        {"role", "ROLE", "role of a single layer file: parks, enterprises, facilities, roads, constraints, sites, regions"},
        {"help", "", "show this help"},
    });
    return with_layer_input(own);
}

const std::vector<OptionSpec> kOptions = options();

void print_help()
{
    std::printf("Usage: parkcap info PROJECT.parkcap.json | LAYER_FILE [options]\n\n"
                "Prints each layer with its driver, source and working CRS, feature count, repaired and\n"
                "skipped features and field bindings; for a project with parks and enterprises, the\n"
                "enterprises per park (point in polygon) and how many lie outside every park.\n\nOptions:\n%s",
                options_help(kOptions).c_str());
}

int print_listing(const std::string& path, const Args& args)
{
    const auto listing = geo::list_layers(path, args.get("encoding"));
    if (args.flag("json")) {
        geo::Json a = geo::Json::array();
        for (const auto& l : listing)
            a.push_back({{"name", l.name}, {"geometry", l.geometry_type}, {"features", l.feature_count}});
        std::printf("%s\n", geo::Json{{"source", path}, {"layers", a}}.dump(2).c_str());
    } else {
        std::printf("%s has %zu layers (open one with --layer NAME):\n", path.c_str(), listing.size());
        for (const auto& l : listing)
            std::printf("  %-32s %-20s %lld features\n", l.name.c_str(), l.geometry_type.c_str(),
                        static_cast<long long>(l.feature_count));
    }
    return 0;
}

}  // namespace

int run_info(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        print_help();
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project or layer file");
    const std::string path = args.positional[0];

    if (!geo::looks_like_project_file(path) && !args.flag("layer") && path.rfind("PG:", 0) != 0 &&
        geo::list_layers(path, args.get("encoding")).size() > 1)
        return print_listing(path, args);
    geo::Project project = input_project(path, args, geo::Role::Context);

    // --push-down: the enterprises stay in the database; PostGIS counts them per park.
    const std::optional<geo::ProjectLayer> in_database = take_pushed_down(project, args);
    // The per-park table needs the enterprises' employees only: their other fields stay unread.
    const geo::LoadedProject loaded = geo::load_project(std::move(project), terminal_progress(),
                                                        args.flag("all-fields") ? geo::FieldNeeds{} : geo::FieldNeeds{{geo::Role::Enterprises, {"employees"}}});
    const geo::LoadedLayer* park_layer = loaded.first(geo::Role::Parks);
    const geo::LoadedLayer* firm_layer = loaded.first(geo::Role::Enterprises);
    std::optional<geo::ParkTally> tally;
    if (in_database) {
        if (!park_layer) throw geo::Error("--push-down needs a parks layer");
        tally = geo::park_tally_in_database(*park_layer, *in_database, loaded.working.crs.code());
        if (!tally) throw geo::Error("--push-down needs the enterprises as a PostGIS table (a \"PG:\" path and a layer name)");
    } else if (park_layer && firm_layer) {
        tally = geo::tally_in_memory(loaded, geo::assign_to_zones(firm_layer->data->geometry, park_layer->data->geometry, terminal_progress()));
    }
    end_terminal_progress();

    const geo::Json info = geo::project_info(loaded, tally ? &*tally : nullptr);
    if (args.flag("json")) std::printf("%s\n", info.dump(2).c_str());
    else std::printf("%s", geo::project_info_text(info).c_str());
    return 0;
}

const std::vector<Command>& commands()
{
    static const std::vector<Command> list = {
        {"info", "describe a project or layer file: layers, CRSs, repairs, fields, enterprises per park", run_info},
        {"density", "kernel density of the enterprises as a GeoTIFF (kernels, bandwidth rules, filters, weights)", run_density},
        {"clusters", "hot spots, DBSCAN clusters, location quotients and characteristic clusters, contours", run_clusters},
        {"coverage", "nearest facility of each type for every enterprise; coverage per park, cluster, tier", run_coverage},
        {"capacity", "carrying capacity per park by limiting factor, standards compliance, growth, scenarios", run_capacity},
        {"allocate", "where new facilities should go: coverage, impedance, fewest sites, p-center, with proven gaps", run_allocate},
        {"place", "incoming enterprises on vacant sites within each park's remaining capacity", run_place},
        {"export", "one layer to GeoPackage, Shapefile, GeoJSON, FlatGeobuf, KML, CSV or XLSX, styled for QGIS, in any CRS", run_export},
        {"map", "a print-ready map (PDF, SVG, PNG) with legend, scale bar and north arrow, or an atlas of the parks", run_map},
        {"report", "the park report as one HTML file: map, capacity, indicators, coverage, scenarios (prints to PDF)", run_report},
        {"lifecircles", "5-, 10- and 15-minute walks to the daily facilities per park, against the plan's target", run_lifecircles},
        {"performance", "亩均效益: enterprises scored per mu of land by a county preset, classes A-D, per park, the bureau's table joined", run_performance},
        {"suitability", "land suitability over the parks: veto layers, slope, roads, facilities, cluster density, AHP weights; sites scored", run_suitability},
        {"ahp", "factor weights from an AHP pairwise-comparison matrix, with the consistency ratio", run_ahp},
        {"cad", "a CAD site plan (DXF) as parcels, green space, buildings and roads, labels attached, registered to CGCS2000", run_cad},
        {"basemap", "the basemap under the map (GeoTIFF, MBTiles, XYZ or WMTS tiles, Tianditu's key, GCJ-02 shifted) checked, drawn, saved", run_basemap},
        {"synth", "generate the synthetic Chongqing demo project (or a scaled one for benchmarks)", run_synth},
    };
    return list;
}

}  // namespace cli
