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
    {"overwrite", "", "replace earlier outputs"},
    {"help", "", "show this help"},
};

using geo::number_text;

bool changed_nothing(const geo::ParkCapacity& a, const geo::ParkCapacity& b)
{
    return a.gross_m2 == b.gross_m2 && a.available_floor_m2 == b.available_floor_m2 && a.capacity_jobs == b.capacity_jobs &&
           a.binding == b.binding && a.dormitory_beds == b.dormitory_beds && a.coverage == b.coverage;
}

void print_table(const geo::CapacityRun& run, const geo::CapacityRun* base)
{
    std::printf("\n%s\n", run.scenario.empty() ? "Baseline" : ("Scenario '" + run.scenario + "'").c_str());
    std::printf("  %s %9s %11s %9s %10s %10s  %-24s %s\n", geo::pad_to_width("park", 26).c_str(), "vacant ha", "avail. m2", "jobs", "capacity", "headroom",
                "binding", base ? "capacity change" : "short of (year)");
    size_t unchanged = 0;
    for (size_t p = 0; p < run.result.parks.size(); ++p) {
        const auto& pc = run.result.parks[p];
        const auto& g = run.growth[p];
        std::string last;
        if (base && changed_nothing(pc, base->result.parks[p])) {
            ++unchanged;
            continue;
        }
        if (base) {
            const double d = pc.capacity_jobs - base->result.parks[p].capacity_jobs;
            last = std::abs(d) < 0.5 ? "-" : (d > 0 ? "+" : "") + number_text(std::round(d), 9);
        } else {
            last = g.shortfall_year ? g.short_of + " (" + std::to_string(g.shortfall_year) + ")" : "-";
        }
        const bool limited = std::isfinite(pc.capacity_jobs);
        std::printf("  %s %9.1f %11.0f %9.0f %10s %10s  %-24s %s\n", geo::pad_to_width(pc.name, 26).c_str(), pc.vacant_m2 / 1e4, pc.available_floor_m2,
                    pc.jobs, limited ? number_text(std::round(pc.capacity_jobs), 12).c_str() : "-",
                    limited ? number_text(std::round(pc.headroom_jobs), 12).c_str() : "-", limited ? geo::binding_text(pc.binding).c_str() : "(no factor known)",
                    last.c_str());
    }
    if (unchanged) std::printf("  (%zu other parks as in the baseline)\n", unchanged);
}

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
    const auto t0 = std::chrono::steady_clock::now();
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    if (!args.get("out").empty())
        refuse_inputs_as_outputs(input, prefixed(args.get("out"), {".gpkg", "_parks.csv", "_factors.csv", "_clusters.csv", "_growth.csv", "_compliance.csv"}),
                                 {args.get("standards")});
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress());
    print_load_notes(project);
    geo::require_features(project, geo::Role::Parks);
    geo::require_features(project, geo::Role::Enterprises);
    const geo::CapacityBase base = geo::capacity_base(project, args.get("standards"));
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
        print_table(run, run.scenario.empty() ? nullptr : &runs.front());
    }
    const auto& plots = runs.front().result.plots;
    size_t failing = 0, underused = 0, in_parks = 0;
    for (size_t i = 0; i < plots.size(); ++i)
        if (runs.front().result.park_of[i] >= 0) {
            ++in_parks;
            failing += plots[i].fails_any();
            underused += plots[i].underused;
        }
    std::printf("\nstandards: %zu of %zu enterprises in parks fail at least one rule; %zu are flagged as under-used\n", failing, in_parks,
                underused);

    if (!args.get("out").empty()) {
        const std::string prefix = args.get("out");
        const bool over = args.flag("overwrite");
        const geo::CapacityCsvTables tables = geo::capacity_csv_tables(runs);
        const geo::CsvTable compliance = geo::compliance_table(runs.front());

        // Layers: the parks (one feature per park and scenario) and every plot's compliance.
        const geo::Layer park_layer = geo::parks_capacity_layer(runs);
        const geo::Layer firms = geo::compliance_layer(runs.front());
        note_spatial_index(wo, "enterprises_compliance", firms.size());
        geo::write_layers({{"parks_capacity", &park_layer}, {"enterprises_compliance", &firms}}, project.working.crs, prefix + ".gpkg", wo);
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
