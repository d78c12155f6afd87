// parkcap allocate: where new facilities should go (coverage, impedance, fewest sites, p-center).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "args.h"
#include "commands.h"
#include "geo/allocate/allocate.h"
#include "geo/allocate/allocation_input.h"
#include "geo/allocate/allocation_scenario.h"
#include "geo/allocate/allocation_settings.h"
#include "geo/io/layer_writer.h"
#include "geo/project/project.h"
#include "geo/report/allocation_outputs.h"
#include "geo/report/load_summary.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "settings_flags.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"out", "PREFIX", "write PREFIX.gpkg (chosen_sites, candidates, demand_allocation), PREFIX_chosen.csv, "
                      "PREFIX_demand.csv and PREFIX_gain.csv (required)"},
    {"lines", "", "also write allocation_lines (a line from each served demand point to its site)"},
    {"problem", "NAME", "max_coverage (mclp), min_impedance (pmedian), min_facilities (lscp), min_max_distance (pcenter) or "
                        "max_capacitated_coverage (cmclp)"},
    {"p", "N", "new sites to open (default 5)"},
    {"radius", "METRES", "coverage problems: served within this distance (default 500)"},
    {"cutoff", "METRES", "min_impedance: beyond this a demand is unallocated (default none)"},
    {"target-share", "X", "min_facilities: the share of the reachable weight to cover (default 1)"},
    {"weight", "FIELD", "demand weight: employees (default), count, or a field"},
    {"cluster", "NAME", "demand: only this cluster"},
    {"tier", "NAME", "demand: only this tier"},
    {"park", "NAME", "demand: only this park"},
    {"candidates", "WHAT", "sites (the sites layer), lattice (default), or a layer id"},
    {"spacing", "METRES", "the lattice's spacing (default 250)"},
    {"suitability", "FILE.tif", "a suitability raster (parkcap suitability): candidates below --min-suitability, vetoed or off it are left out"},
    {"min-suitability", "SCORE", "the least suitability score a candidate needs, 0-100 (default 0: only vetoed and no-data cells are left out)"},
    {"required-type", "TYPE", "existing facilities of this type stay open and count"},
    {"capacity", "UNITS", "cmclp: what a new site holds (existing ones: their capacity field)"},
    {"capacity-factor", "FACTOR", "cmclp: the unit of --capacity, a factor of the demand-rate table (e.g. dormitory_beds); default: jobs"},
    {"facility-type", "TYPE", "what the chosen sites become in --save-scenario (a type code)"},
    {"network", "", "distances along the project's roads (default: straight line)"},
    {"matrix", "FILE.csv", "costs from another tool: columns demand,candidate,cost (no project needed)"},
    {"demand-weights", "FILE.csv", "with --matrix: columns demand,weight"},
    {"solver", "NAME", "auto (default), exact (CBC) or heuristic"},
    {"max-nodes", "N", "exact: branch-and-bound node limit (default 200000; the same answer on any machine)"},
    {"max-seconds", "S", "exact: time limit (the answer then depends on the machine)"},
    {"save-scenario", "NAME", "write the chosen sites as add_facility edits of scenario NAME into --project-out"},
    {"project-out", "FILE", "with --save-scenario: the project copy to write (never the input project)"},
    spatial_index_option(),
    {"overwrite", "", "replace earlier outputs"},
    {"show-settings", "", "print the effective settings (analysis.allocation with the flags applied) as JSON and stop"},
    {"help", "", "show this help"},
};

}  // namespace

int run_allocate(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap allocate PROJECT.parkcap.json --out PREFIX [--problem NAME] [--p N] [options]\n"
                    "       parkcap allocate --matrix COSTS.csv [--demand-weights W.csv] --out PREFIX [--problem NAME] [options]\n\n"
                    "Which candidate sites to open for new facilities: the most demand covered, the least weighted distance,\n"
                    "the fewest sites covering the demand, or the least largest distance. Every answer comes with a proven\n"
                    "bound and gap; the exact solver (CBC) proves optimality.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    const bool from_table = args.flag("matrix");
    if (args.positional.size() != (from_table ? 0u : 1u)) throw UsageError(from_table ? "give --matrix or a project, not both" : "give one project file");
    if (args.get("out").empty() && !args.flag("show-settings")) throw UsageError("--out PREFIX is required");
    if (args.flag("save-scenario") != args.flag("project-out")) throw UsageError("--save-scenario NAME and --project-out FILE go together");
    const auto t0 = std::chrono::steady_clock::now();
    geo::Project input;
    if (!from_table) input = geo::read_project(args.positional[0]);
    geo::AllocationSettings settings = geo::allocation_settings(input);
    apply_allocation_flags(args, settings);
    if (args.flag("show-settings")) {
        std::printf("%s\n", geo::Json({{"allocation", geo::to_json(settings)}}).dump(2).c_str());
        return 0;
    }
    const std::string prefix = args.get("out");
    std::vector<std::string> outputs = prefixed(prefix, {".gpkg", "_chosen.csv", "_demand.csv", "_gain.csv"});
    if (args.flag("project-out")) outputs.push_back(args.get("project-out"));
    if (!from_table) refuse_inputs_as_outputs(input, outputs, {});
    else refuse_inputs_as_outputs(geo::Project{}, outputs, {args.get("matrix"), args.get("demand-weights")});

    geo::LoadedProject project;
    geo::AllocationInput in;
    if (from_table) {
        in = geo::allocation_input_from_table(args.get("matrix"), args.get("demand-weights"), settings);
    } else {
        read_only_park(input, settings.park);
        // The demand's name, filters and weight: the enterprises' other fields stay unread.
        project = geo::load_project(std::move(input), terminal_progress(),
                                    {{geo::Role::Enterprises, {"name", "cluster", "tier", "employees", settings.weight}}});
        print_load_notes(project);
        geo::require_features(project, geo::Role::Enterprises);
        in = geo::allocation_input(project, settings, terminal_progress());
        // The demand now holds what the outputs need of the enterprises: their features go.
        geo::take_features(project, geo::Role::Enterprises);
    }
    for (const std::string& n : in.notes) std::fprintf(stderr, "note: %s\n", n.c_str());
    geo::AllocationOptions options;
    options.solver = settings.solver;
    options.limits = {settings.max_nodes, settings.max_seconds};
    const geo::AllocationResult r = geo::allocate(in, options, terminal_progress());
    end_terminal_progress();
    for (const std::string& n : r.notes) std::fprintf(stderr, "note: %s\n", n.c_str());
    if (r.status == "node limit" || r.status == "time limit")
        std::fprintf(stderr, "warning: the exact solve stopped at its %s: the best answer found is given with its gap\n", r.status.c_str());

    // A scenario copy first: a failure there leaves no half set of outputs behind.
    std::optional<geo::Project> with_scenario;
    if (args.flag("save-scenario")) {
        if (from_table) throw UsageError("--save-scenario needs a project (an imported cost table has no places)");
        with_scenario = project.project;
        geo::store_scenario(*with_scenario, geo::allocation_scenario(in, r, settings.facility_type, args.get("save-scenario"), project.working.crs));
    }
    const bool over = args.flag("overwrite");
    if (with_scenario) refuse_to_overwrite(args.get("project-out"), over);
    if (in.has_places()) {
        geo::WriteOptions wo = gpkg_write_options(args);
        wo.metadata = geo::allocation_metadata(in, settings, r);
        note_spatial_index(wo, "demand_allocation", in.demand_xy.size());
        if (args.flag("lines")) note_spatial_index(wo, "allocation_lines", in.demand_xy.size());
        geo::write_allocation_layers(in, r, args.flag("lines"), project.working.crs, prefix + ".gpkg", wo);
    }
    geo::write_csv(geo::chosen_sites_table(in, r), prefix + "_chosen.csv", over);
    geo::write_demand_allocation_csv(in, r, prefix + "_demand.csv", over);
    geo::write_csv(geo::gain_curve_table(r), prefix + "_gain.csv", over);
    if (with_scenario) {
        geo::write_project(*with_scenario, args.get("project-out"));
        std::printf("wrote the scenario '%s' (%zu new facilities) into %s\n", args.get("save-scenario").c_str(), r.chosen.size(),
                    args.get("project-out").c_str());
    }
    for (const std::string& line : geo::allocation_summary(in, settings, r)) std::printf("%s\n", line.c_str());
    std::printf("wrote %s%s_chosen.csv, _demand.csv, _gain.csv in %.2f s\n", in.has_places() ? (prefix + ".gpkg, ").c_str() : "", prefix.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
