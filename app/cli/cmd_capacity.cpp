// parkcap capacity: how much more each park can hold, what limits it, standards compliance,
// growth against capacity, for the baseline and the project's improvement scenarios.
#include <chrono>
#include <cmath>
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "geo/capacity/capacity_run.h"
#include "geo/capacity/scenario.h"
#include "geo/core/error.h"
#include "geo/report/capacity_outputs.h"
#include "geo/report/capacity_summary.h"
#include "geo/report/display_units.h"
#include "geo/report/text_format.h"
#include "geo/core/utf8.h"
#include "geo/io/layer_writer.h"
#include "geo/report/csv_table.h"
#include "output_options.h"
#include "load_notes.h"
#include "geo/report/load_summary.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"scenario", "NAME", "evaluate this scenario of the project (beside the baseline)"},
    {"all-scenarios", "", "evaluate every scenario of the project, side by side with the baseline"},
    {"standards", "DIR", "the folder of the standards tables (default: analysis.capacity.standards_dir of the project)"},
    {"out", "PREFIX", "write PREFIX_parks.csv, PREFIX_factors.csv, PREFIX_clusters.csv, PREFIX_growth.csv, PREFIX_compliance.csv and PREFIX.gpkg "
                      "(parks_capacity, enterprises_compliance)"},
    spatial_index_option(),
    lang_option(),
    {"overwrite", "", "replace earlier outputs"},
    {"help", "", "show this help"},
};


}  // namespace

int run_capacity(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap capacity PROJECT.parkcap.json [--scenario NAME | --all-scenarios] [--out PREFIX]\n\n"
                    "Each park's land, remaining floor area and carrying capacity in jobs by limiting factor (the binding\n"
                    "one named), planners' indicators, standards compliance of every plot, and growth targets against\n"
                    "capacity; scenarios from the project side by side with the baseline.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    if (!args.get("scenario").empty() && args.flag("all-scenarios")) throw UsageError("give --scenario NAME or --all-scenarios, not both");
    const geo::WriteOptions wo = gpkg_write_options(args);
    const geo::Language language = table_language(args);
    const auto t0 = std::chrono::steady_clock::now();
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    if (!args.get("out").empty())
        refuse_inputs_as_outputs(input, prefixed(args.get("out"), {".gpkg", "_parks.csv", "_factors.csv", "_clusters.csv", "_growth.csv", "_compliance.csv"}),
                                 {args.get("standards")});
    const std::vector<std::string> needs = geo::capacity_fields(input);  // before the project moves into the load
    geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(), {{geo::Role::Enterprises, needs}});
    print_load_notes(project);
    geo::require_features(project, geo::Role::Parks);
    geo::require_features(project, geo::Role::Enterprises);
    // The evaluation is all that reads the enterprises here: their features move into it.
    const geo::CapacityBase base = geo::capacity_base(project, geo::take_features(project, geo::Role::Enterprises), args.get("standards"));
    for (const auto& n : base.input.notes) std::fprintf(stderr, "note: %s\n", n.c_str());

    std::vector<std::string> names;
    if (args.flag("all-scenarios")) names = geo::scenario_names(project.project);
    else if (!args.get("scenario").empty()) names = {args.get("scenario")};
    std::vector<geo::CapacityRun> runs;
    runs.push_back(geo::run_capacity(project.project, project.working.crs, base, ""));
    for (const auto& n : names) runs.push_back(geo::run_capacity(project.project, project.working.crs, base, n));
    const auto t1 = std::chrono::steady_clock::now();

    for (const auto& run : runs) {
        for (const auto& n : run.notes) std::fprintf(stderr, "note: %s\n", n.c_str());
        for (const auto& w : run.result.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    }
    for (const std::string& line : geo::capacity_summary(runs, language, geo::display_units(project.project))) std::printf("%s\n", line.c_str());

    if (!args.get("out").empty()) {
        const std::string prefix = args.get("out");
        const bool over = args.flag("overwrite");
        const geo::CapacityCsvTables tables = geo::capacity_csv_tables(runs);
        const geo::CsvTable compliance = geo::compliance_table(runs.front());

        // Layers: the parks (one feature per park and scenario) and every plot's compliance.
        note_spatial_index(wo, "enterprises_compliance", runs.front().result.plots.size());
        geo::write_capacity_layers(runs, project.working.crs, prefix + ".gpkg", wo);
        geo::write_csv(tables.parks, prefix + "_parks.csv", over);
        geo::write_csv(tables.factors, prefix + "_factors.csv", over);
        geo::write_csv(tables.clusters, prefix + "_clusters.csv", over);
        geo::write_csv(tables.growth, prefix + "_growth.csv", over);
        geo::write_csv(compliance, prefix + "_compliance.csv", over);
        std::printf("wrote %s.gpkg, %s_parks.csv, _factors.csv, _clusters.csv, _growth.csv, _compliance.csv\n", prefix.c_str(), prefix.c_str());
    }
    std::printf("evaluated %zu run(s) in %.0f ms (%.2f s in all)\n", runs.size(), std::chrono::duration<double, std::milli>(t1 - t0).count(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
