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

std::string num(double v, int digits = 10) { return std::isfinite(v) ? number_text(v, digits) : std::string(); }


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

void add_rows(const geo::CapacityRun& run, geo::CsvTable& parks, geo::CsvTable& factors, geo::CsvTable& clusters, geo::CsvTable& growth)
{
    const std::string sc = run.scenario.empty() ? "baseline" : run.scenario;
    for (size_t p = 0; p < run.result.parks.size(); ++p) {
        const auto& pc = run.result.parks[p];
        const auto& g = run.growth[p];
        std::string tiers, coverage;
        for (const auto& [t, n] : pc.tiers)
            tiers += (tiers.empty() ? "" : "; ") + t + ": " + std::to_string(n) + " (" +
                     number_text(100.0 * static_cast<double>(n) / static_cast<double>(std::max<int64_t>(pc.enterprises, 1)), 3) + "%)";
        for (const auto& [t, v] : pc.coverage) coverage += (coverage.empty() ? "" : "; ") + t + ": " + number_text(v, 3);
        parks.rows.push_back({sc, pc.name, pc.code, num(pc.gross_m2), num(pc.constrained_m2), num(pc.net_m2), num(pc.road_utility_m2),
                              num(pc.developable_m2), num(pc.occupied_m2), num(pc.vacant_m2), num(pc.permitted_far), pc.far_source,
                              num(pc.floor_capacity_m2), num(pc.existing_floor_m2), num(pc.remaining_floor_m2), num(pc.vacant_floor_m2), num(pc.redevelopment_m2), num(pc.factory_floor_m2),
                              num(pc.available_floor_m2), num(pc.densification_potential_m2), std::to_string(pc.enterprises), num(pc.jobs),
                              num(pc.remaining_jobs), num(pc.remaining_enterprises), num(pc.capacity_jobs), geo::binding_text(pc.binding),
                              num(pc.headroom_jobs), num(pc.dormitory_beds), num(pc.comprehensive_far, 4), num(pc.building_density, 4),
                              num(pc.industrial_land_share, 4), num(pc.output_per_ha), num(pc.tax_per_ha), num(pc.jobs_per_ha),
                              num(pc.output_per_mu), num(pc.tax_per_mu), num(pc.jobs_per_mu), tiers, geo::joined(pc.characteristic_clusters, "; "),
                              coverage, std::to_string(pc.plots_failing), std::to_string(pc.plots_underused),
                              g.shortfall_year ? std::to_string(g.shortfall_year) : "", g.short_of});
        for (const auto& f : pc.factors)
            factors.rows.push_back({sc, pc.name, f.factor, f.unit, f.given ? "yes" : "no", f.given ? num(f.capacity) : "", num(f.used),
                                    num(f.per_new_job), f.given ? num(f.jobs_supported) : "", f.given ? num(f.headroom_jobs) : "",
                                    f.binding ? "yes" : ""});
        for (const auto& c : pc.clusters)
            clusters.rows.push_back({sc, pc.name, c.cluster, std::to_string(c.enterprises), num(c.jobs), num(c.floor_m2), num(c.new_floor_m2),
                                     num(c.new_jobs), num(c.new_enterprises)});
        for (const auto& y : g.years)
            growth.rows.push_back({sc, pc.name, std::to_string(y.year), num(y.new_enterprises), num(y.floor_m2), num(y.jobs),
                                   num(pc.available_floor_m2), num(pc.headroom_jobs), y.year == g.shortfall_year ? g.short_of : ""});
    }
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
        geo::CsvTable parks, factors, clusters, growth;
        parks.header = {"scenario", "park", "code", "gross_m2", "constrained_m2", "net_m2", "road_utility_m2", "developable_m2", "occupied_m2",
                        "vacant_m2", "permitted_far", "far_source", "floor_capacity_m2", "existing_floor_m2", "remaining_floor_m2", "vacant_floor_m2", "redevelopment_m2",
                        "factory_floor_m2", "available_floor_m2", "densification_potential_m2", "enterprises", "jobs", "remaining_jobs",
                        "remaining_enterprises", "capacity_jobs", "binding", "headroom_jobs", "dormitory_beds", "comprehensive_far",
                        "building_density", "industrial_land_share", "output_per_ha", "tax_per_ha", "jobs_per_ha", "output_per_mu",
                        "tax_per_mu", "jobs_per_mu", "tiers", "characteristic_clusters", "coverage_employee_share", "plots_failing",
                        "plots_underused", "shortfall_year", "short_of"};
        factors.header = {"scenario", "park", "factor", "unit", "given", "capacity", "used", "per_new_job", "jobs_supported", "headroom_jobs", "binding"};
        clusters.header = {"scenario", "park", "cluster", "enterprises", "jobs", "floor_m2", "new_floor_m2", "new_jobs", "new_enterprises"};
        growth.header = {"scenario", "park", "year", "new_enterprises", "floor_m2", "jobs", "available_floor_m2", "headroom_jobs", "short_of"};
        for (const auto& run : runs) add_rows(run, parks, factors, clusters, growth);
        const geo::CsvTable compliance = geo::compliance_table(runs.front());

        // Layers: the parks (one feature per park and scenario) and every plot's compliance.
        const geo::Layer park_layer = geo::parks_capacity_layer(runs);
        const geo::Layer firms = geo::compliance_layer(runs.front());
        note_spatial_index(wo, "enterprises_compliance", firms.size());
        geo::write_layers({{"parks_capacity", &park_layer}, {"enterprises_compliance", &firms}}, project.working.crs, prefix + ".gpkg", wo);
        geo::write_csv(parks, prefix + "_parks.csv", over);
        geo::write_csv(factors, prefix + "_factors.csv", over);
        geo::write_csv(clusters, prefix + "_clusters.csv", over);
        geo::write_csv(growth, prefix + "_growth.csv", over);
        geo::write_csv(compliance, prefix + "_compliance.csv", over);
        std::printf("wrote %s.gpkg, %s_parks.csv, _factors.csv, _clusters.csv, _growth.csv, _compliance.csv\n", prefix.c_str(), prefix.c_str());
    }
    std::printf("evaluated %zu run(s) in %.0f ms (%.2f s in all)\n", runs.size(), std::chrono::duration<double, std::milli>(t1 - t0).count(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
