// parkcap coverage: which enterprises the park's facilities reach, straight-line.
#include <chrono>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "geo/coverage/coverage_run.h"
#include "geo/coverage/coverage_settings.h"
#include "geo/io/layer_writer.h"
#include "geo/report/coverage_files.h"
#include "geo/report/csv_table.h"
#include "geo/report/load_summary.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "push_down.h"
#include "push_down_runs.h"
#include "terminal_progress.h"

namespace cli {

namespace {

std::vector<OptionSpec> options();
const std::vector<OptionSpec> kOptions = options();

std::vector<OptionSpec> options()
{
    std::vector<OptionSpec> own = push_down_options("find each enterprise's park and nearest facilities and sum coverage by park, cluster and tier");
    std::vector<OptionSpec> rest = {
    {"out", "PREFIX", "write PREFIX.gpkg (enterprises with coverage, service areas) and PREFIX_parks.csv, "
                      "PREFIX_clusters.csv, PREFIX_tiers.csv (required)"},
    {"radii", "FILE", "service radii per facility type (e.g. datasets/standards/facility_service_radii.csv); "
                      "default: the table stored in the project"},
    {"network", "", "also measure along the project's roads layer (noded where roads cross); also analysis.coverage.network"},
    {"attach-limit", "METRES", "with --network: points farther than this from any road are not attached (default 500, or analysis.coverage.attach_limit_m)"},
    {"walk-off", "METRES", "with --network: width of the drawn service area on each side of the reached roads (default 50, or analysis.coverage.walk_off_m)"},
    spatial_index_option(),
    lang_option(),
    {"overwrite", "", "replace earlier outputs"},
    {"scenario", "NAME", "apply the project's scenario NAME: its added, moved and removed facilities (e.g. the coverage what-if) and its "
                         "incoming enterprises"},
    {"show-settings", "", "print the effective settings (the project's analysis.coverage with the flags applied) as JSON and stop"},
    {"help", "", "show this help"},
    };
    own.insert(own.begin(), rest.begin(), rest.end() - 1);
    own.push_back(rest.back());
    return with_layer_input(own);
}

}  // namespace

int run_coverage(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap coverage PROJECT.parkcap.json --out PREFIX [--radii FILE]\n\n"
                    "For every enterprise and facility type: the nearest facility and its straight-line distance,\n"
                    "and whether it is within the type's service radius; coverage by count and by employees per park,\n"
                    "cluster and tier; dissolved service areas.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    if (args.get("out").empty() && !args.flag("show-settings")) throw UsageError("--out PREFIX is required");
    geo::WriteOptions wo = gpkg_write_options(args);
    const auto t0 = std::chrono::steady_clock::now();
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    // The project's settings (analysis.coverage, as the panel saved them), then the flags.
    geo::CoverageSettings settings = geo::coverage_settings(input);
    if (args.flag("radii")) {
        settings.types = geo::read_service_radii(args.get("radii"));
        settings.radii_table = args.get("radii");
    }
    if (args.flag("network")) settings.network = true;
    settings.attach_limit_m = args.get_number("attach-limit", settings.attach_limit_m);
    settings.walk_off_m = args.get_number("walk-off", settings.walk_off_m);
    if (!(settings.attach_limit_m > 0)) throw UsageError("--attach-limit must be > 0");
    if (!(settings.walk_off_m > 0)) throw UsageError("--walk-off must be > 0");
    if (args.flag("show-settings")) {
        std::printf("%s\n", geo::Json({{"coverage", geo::to_json(settings, true)}}).dump(2).c_str());
        return 0;
    }
    refuse_inputs_as_outputs(input, prefixed(args.get("out"), {".gpkg", "_parks.csv", "_clusters.csv", "_tiers.csv"}),
                             {args.get("radii")});
    if (const auto in_database = take_pushed_down(input, args))
        return coverage_in_database(std::move(input), *in_database, settings, args, t0);
    // The enterprises' name (the output layer), employees and the cluster and tier it is grouped
    // by: their other fields stay unread.
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(),
                                                         {{geo::Role::Enterprises, {"name", "employees", "cluster", "tier"}}});
    print_load_notes(project);
    geo::require_features(project, geo::Role::Enterprises);
    geo::require_features(project, geo::Role::Facilities);
    const geo::CoverageRun run = geo::run_coverage(project, settings, args.get("scenario"), terminal_progress());
    end_terminal_progress();
    for (const std::string& note : run.notes) std::printf("%s\n", note.c_str());
    for (const std::string& w : run.straight.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());

    const geo::CoverageFiles files = geo::coverage_files(project, run, settings, table_language(args));
    wo.metadata = {{"PARKCAP_COVERAGE", run.network ? "straight-line and road network" : "straight-line"}};
    note_spatial_index(wo, "enterprises_coverage", run.firms.data->size());
    const std::string prefix = args.get("out");
    geo::write_coverage_layers(files, project.working.crs, prefix + ".gpkg", wo);
    for (const auto& [suffix, table] : files.tables) geo::write_csv(table, prefix + suffix, args.flag("overwrite"));
    for (const std::string& line : files.summary) std::printf("%s\n", line.c_str());
    std::printf("wrote %s and the tables by park, cluster and tier in %.2f s\n", prefix.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
