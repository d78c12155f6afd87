// parkcap clusters: hot spots, DBSCAN clusters, location quotients, characteristic clusters,
// density contours and footprints; GeoPackage layers and CSV tables.
#include <chrono>
#include <cmath>
#include <algorithm>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "geo/cluster/cluster_analysis.h"
#include "geo/cluster/cluster_settings.h"
#include "geo/core/error.h"
#include "geo/io/layer_writer.h"
#include "geo/report/cluster_outputs.h"
#include "output_options.h"
#include "load_notes.h"
#include "geo/report/load_summary.h"
#include "project_input.h"
#include "push_down.h"
#include "push_down_runs.h"
#include "settings_flags.h"
#include "terminal_progress.h"

namespace cli {

namespace {

std::vector<OptionSpec> options();
const std::vector<OptionSpec> kOptions = options();

std::vector<OptionSpec> options()
{
    std::vector<OptionSpec> own = {
    {"out", "PREFIX", "write PREFIX.gpkg (layers) and PREFIX_lq.csv, PREFIX_characteristic.csv (required)"},
    {"grid", "SHAPE", "hexagon (default) or square cells for hot spots"},
    {"study-area", "AREA", "where hot spots are measured: parks (default with parks: each park plus --study-margin), regions, or points (their rectangle)"},
    {"study-margin", "METRES", "how far beyond the parks the study area reaches (default 1000)"},
    {"cell", "METRES", "cell size: distance between neighbouring centres (default 500)"},
    {"weight", "FIELD", "hot spots of a sum (employees, output_value, a field); default: count"},
    {"lq-by", "MEANING", "cluster (default) or industry_code"},
    {"lq-measure", "KIND", "employment (default) or count"},
    {"min-lq", "X", "location quotient of a characteristic cluster (default 1.25)"},
    {"min-share", "X", "its minimum share of the park (default 0.05)"},
    {"lq-reference", "REF", "study-area (default) or regions (each park against its district)"},
    {"eps", "METRES", "DBSCAN reach (default 250)"},
    {"min-points", "N", "DBSCAN minimum points (default 20)"},
    {"contours", "LEVELS", "density contour levels, comma separated (density options as in parkcap density)"},
    {"footprint", "LEVEL", "footprint polygons where the density is at least LEVEL"},
    {"radius", "METRES", "density bandwidth for contours and footprints (default 1000)"},
    {"kernel", "NAME", "density kernel for contours and footprints (default quartic)"},
    {"bandwidth", "RULE", "density bandwidth by rule instead of --radius: silverman or scott"},
    {"park", "NAME", "only enterprises inside this park"},
    {"density-cell", "METRES", "density cell size (default 50)"},
    {"scale", "KIND", "density values: raw (default) or per-km2"},
    {"cluster", "NAME", "only enterprises of this cluster"},
    {"tier", "NAME", "only enterprises of this tier"},
    {"industry", "CODE", "only enterprises whose industry code starts with CODE"},
    {"overwrite", "", "replace earlier outputs"},
    {"show-settings", "", "print the effective settings (the project's analysis.clusters with the flags applied) as JSON and stop"},
    };
    for (const OptionSpec& p : push_down_options("count the enterprises per hot-spot cell (parkcap's own hexagons, in SQL)")) own.push_back(p);
    own.push_back({"help", "", "show this help"});
    return with_layer_input(own);
}


}  // namespace

int run_clusters(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap clusters PROJECT.parkcap.json | POINTS_FILE --out PREFIX [options]\n\n"
                    "Where each industry concentrates and which clusters characterise each park. A plain point\n"
                    "layer gives hot spots, DBSCAN clusters and contours; location quotients need a project with parks.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project or point layer file");
    if (args.get("out").empty() && !args.flag("show-settings")) throw UsageError("--out PREFIX is required");
    const auto t0 = std::chrono::steady_clock::now();

    // The project's settings (analysis.clusters, as the panel saved them), then the flags.
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    geo::ClusterOptions o = geo::cluster_settings(input);
    apply_cluster_flags(args, o);
    if (args.flag("show-settings")) {
        std::printf("%s\n", geo::Json({{"clusters", geo::to_json(o)}}).dump(2).c_str());
        return 0;
    }

    refuse_inputs_as_outputs(input, prefixed(args.get("out"), {".gpkg", "_lq.csv", "_characteristic.csv"}));
    if (const auto in_database = take_pushed_down(input, args))
        return hot_spots_in_database(std::move(input), *in_database, o, args, t0);
    read_only_park(input, o.selection.park);
    // Only the fields the selection, the location quotients and their employment read.
    std::vector<std::string> needed = geo::fields_needed(o.selection);
    needed.insert(needed.end(), {o.lq_category, "employees"});
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(), {{geo::Role::Enterprises, needed}});
    print_load_notes(project);
    geo::require_features(project, geo::Role::Enterprises);
    const geo::ClusterAnalysis a = geo::analyse_clusters(project, o, terminal_progress());
    end_terminal_progress();

    const std::string prefix = args.get("out");
    const bool overwrite = args.flag("overwrite");
    const geo::Layer hot = geo::hot_spot_layer(a);
    const geo::Layer clusters = geo::dbscan_layer(a);
    std::vector<std::pair<std::string, const geo::Layer*>> layers = {{"hot_spots", &hot}, {"dbscan_clusters", &clusters}};
    if (a.contours.size() > 0) layers.emplace_back("contours", &a.contours);
    if (a.footprints.size() > 0) layers.emplace_back("footprints", &a.footprints);
    geo::WriteOptions wo;
    wo.overwrite = overwrite;
    wo.metadata = geo::cluster_layers_metadata(a, o);  // what produced these layers travels with them
    geo::write_layers(layers, project.working.crs, prefix + ".gpkg", wo);
    const std::string label = o.lq_category;
    if (!a.lq.empty()) {
        geo::write_csv(geo::lq_table(a, label), prefix + "_lq.csv", overwrite);
        geo::write_csv(geo::characteristic_table(a, label), prefix + "_characteristic.csv", overwrite);
    }

    for (const std::string& line : geo::cluster_summary(a, o)) std::printf("%s\n", line.c_str());
    std::printf("wrote %s.gpkg (%zu layers)%s in %.2f s\n", prefix.c_str(), layers.size(),
                a.lq.empty() ? "" : (", " + prefix + "_lq.csv, " + prefix + "_characteristic.csv").c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
