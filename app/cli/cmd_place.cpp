// parkcap place: incoming enterprises on vacant sites, within each park's remaining capacity.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "args.h"
#include "commands.h"
#include "geo/allocate/placement_input.h"
#include "geo/capacity/capacity_run.h"
#include "geo/io/layer_writer.h"
#include "geo/project/project.h"
#include "geo/report/load_summary.h"
#include "geo/report/placement_outputs.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"applicants", "FILE.csv", "the incoming enterprises: name, cluster, tier, floor_m2 or land_m2, jobs, park (preferred; optional) (required)"},
    {"out", "PREFIX", "write PREFIX_placed.csv, PREFIX_unplaced.csv and PREFIX.gpkg (placements) (required)"},
    {"scenario", "NAME", "place against this scenario's sites and capacities (its standard factories are multi-tenant)"},
    {"standards", "DIR", "the folder of the standards tables (placement_weights.csv, tier_priority.csv; default: the project's)"},
    {"suitability", "FILE.tif", "a suitability raster (parkcap suitability): each place scored by it (weight 'suitability' of placement_weights.csv); "
                                "vetoed places, those off it or below --min-suitability get no applicant"},
    {"min-suitability", "SCORE", "with --suitability: the least score a place needs, 0-100 (default 0: only vetoed and no-data places are left out)"},
    {"free-underused", "", "also offer the under-used plots (the project's rule: capacity's underused_rule) as land to free, at their park's permitted FAR"},
    {"exact", "", "prove the optimum with CBC (from the heuristic's answer)"},
    {"max-nodes", "N", "with --exact: branch-and-bound node limit (default 200000)"},
    {"max-seconds", "S", "with --exact: time limit (the answer then depends on the machine)"},
    {"save-scenario", "NAME", "write the placed applicants as add_enterprise edits of scenario NAME into --project-out"},
    {"project-out", "FILE", "with --save-scenario: the project copy to write (never the input project)"},
    {"overwrite", "", "replace earlier outputs"},
    {"help", "", "show this help"},
};

}  // namespace

int run_place(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap place PROJECT.parkcap.json --applicants FILE.csv --out PREFIX [--scenario NAME] [--suitability FILE.tif] [--free-underused] [--exact]\n\n"
                    "Places incoming enterprises on vacant sites to maximise suitability (same-cluster agglomeration, the park's\n"
                    "cluster fit, facility coverage, tier priority, the preferred park, a suitability raster), within each site's floor capacity and each\n"
                    "park's remaining capacity for every infrastructure factor. Every applicant left out gets its reason.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    if (args.get("applicants").empty()) throw UsageError("--applicants FILE.csv is required");
    if (args.get("out").empty()) throw UsageError("--out PREFIX is required");
    if (args.flag("save-scenario") != args.flag("project-out")) throw UsageError("--save-scenario NAME and --project-out FILE go together");
    if (args.flag("min-suitability") && !args.flag("suitability")) throw UsageError("--min-suitability needs --suitability FILE.tif");
    const double min_suitability = args.get_number_in("min-suitability", 0, 0, 100);
    const auto t0 = std::chrono::steady_clock::now();
    geo::Project input = geo::read_project(args.positional[0]);
    const std::string prefix = args.get("out");
    std::vector<std::string> outputs = prefixed(prefix, {".gpkg", "_placed.csv", "_unplaced.csv"});
    if (args.flag("project-out")) outputs.push_back(args.get("project-out"));
    refuse_inputs_as_outputs(input, outputs, {args.get("applicants"), args.get("standards"), args.get("suitability")});
    const std::vector<geo::Applicant> applicants = geo::read_applicants(args.get("applicants"));
    const std::vector<std::string> needs = geo::capacity_fields(input);  // before the project moves into the load
    geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(), {{geo::Role::Enterprises, needs}});
    print_load_notes(project);
    geo::require_features(project, geo::Role::Parks);
    geo::require_features(project, geo::Role::Enterprises);
    // The capacity evaluation is all that reads the enterprises here: their features move into
    // it, and it is let go once the placement problem is made (the solve then has the memory).
    const std::filesystem::path standards = geo::standards_folder(project.project, args.get("standards"));
    geo::PlacementInput in = [&] {
        const geo::CapacityBase base = geo::capacity_base(project, geo::take_features(project, geo::Role::Enterprises), args.get("standards"));
        const geo::CapacityRun run = geo::run_capacity(project.project, project.working.crs, base, args.get("scenario"));
        return geo::placement_input(run, base.tables, applicants, standards, {.free_underused = args.flag("free-underused"), .with_pairs = false});
    }();
    if (args.flag("suitability")) geo::use_suitability(in, args.get("suitability"), min_suitability, project.working.crs);
    geo::placement_pairs(in);
    for (const std::string& n : in.notes) std::fprintf(stderr, "note: %s\n", n.c_str());
    geo::PlacementOptions options;
    options.exact = args.flag("exact");
    options.limits = {static_cast<long>(args.get_number("max-nodes", 200000)), args.get_number("max-seconds", 0)};
    const geo::PlacementResult r = geo::place_applicants(in.problem, options, terminal_progress());
    end_terminal_progress();

    std::optional<geo::Project> with_scenario;
    const bool over = args.flag("overwrite");
    if (args.flag("save-scenario")) {
        with_scenario = project.project;
        geo::store_scenario(*with_scenario, geo::placement_scenario(in, r.site_of, args.get("save-scenario"), project.working.crs));
        refuse_to_overwrite(args.get("project-out"), over);
    }
    const geo::Layer layer = geo::placements_layer(in, r);
    geo::WriteOptions wo;
    wo.overwrite = over;
    wo.metadata = {{"PARKCAP_PLACEMENT_STATUS", r.status}, {"PARKCAP_PLACEMENT_METHOD", r.method},
                   {"PARKCAP_PLACEMENT_SCENARIO", args.get("scenario").empty() ? "baseline" : args.get("scenario")}};
    geo::write_layers({{"placements", &layer}}, project.working.crs, prefix + ".gpkg", wo);
    geo::write_csv(geo::placements_table(in, r), prefix + "_placed.csv", over);
    geo::write_csv(geo::unplaced_table(in, r), prefix + "_unplaced.csv", over);
    if (with_scenario) geo::write_project(*with_scenario, args.get("project-out"));
    for (const std::string& line : geo::placement_summary(in, r)) std::printf("%s\n", line.c_str());
    if (with_scenario) std::printf("wrote the scenario '%s' into %s\n", args.get("save-scenario").c_str(), args.get("project-out").c_str());
    if (const size_t on_plots = geo::placed_on_plots_to_free(in, r.site_of); with_scenario && on_plots)
        std::printf("note: the %zu placed on plots to free are not in the scenario: no edit yet takes an enterprise off its plot\n", on_plots);
    std::printf("wrote %s.gpkg, %s_placed.csv, _unplaced.csv in %.2f s\n", prefix.c_str(), prefix.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
