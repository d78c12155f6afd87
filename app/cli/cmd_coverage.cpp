// parkcap coverage: which enterprises the park's facilities reach, straight-line.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <optional>

#include "args.h"
#include "commands.h"
#include "geo/core/error.h"
#include "geo/coverage/gaps.h"
#include "geo/coverage/coverage_settings.h"
#include "geo/report/coverage_outputs.h"
#include "geo/scenario/facility_edits.h"
#include "geo/coverage/network_service_areas.h"
#include "geo/coverage/road_network.h"
#include "geo/coverage/straight_coverage.h"
#include "geo/io/layer_writer.h"
#include "geo/overlay/zone_assignment.h"
#include "geo/report/csv_table.h"
#include "output_options.h"
#include "load_notes.h"
#include "geo/report/load_summary.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = with_layer_input({
    {"out", "PREFIX", "write PREFIX.gpkg (enterprises with coverage, service areas) and PREFIX_parks.csv, "
                      "PREFIX_clusters.csv, PREFIX_tiers.csv (required)"},
    {"radii", "FILE", "service radii per facility type (e.g. datasets/standards/facility_service_radii.csv); "
                      "default: the table stored in the project"},
    {"network", "", "also measure along the project's roads layer (noded where roads cross); also analysis.coverage.network"},
    {"attach-limit", "METRES", "with --network: points farther than this from any road are not attached (default 500, or analysis.coverage.attach_limit_m)"},
    {"walk-off", "METRES", "with --network: width of the drawn service area on each side of the reached roads (default 50, or analysis.coverage.walk_off_m)"},
    spatial_index_option(),
    {"overwrite", "", "replace earlier outputs"},
    {"scenario", "NAME", "apply the facility edits (added, moved, removed facilities) of the project's scenario NAME, e.g. the coverage what-if"},
    {"show-settings", "", "print the effective settings (the project's analysis.coverage with the flags applied) as JSON and stop"},
    {"help", "", "show this help"},
});

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
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress());
    print_load_notes(project);
    geo::require_features(project, geo::Role::Enterprises);
    geo::require_features(project, geo::Role::Facilities);
    const geo::LoadedLayer* firms = project.first(geo::Role::Enterprises);
    const geo::LoadedLayer* fac = project.first(geo::Role::Facilities);
    if (!firms || !fac) throw geo::Error("coverage needs an enterprises layer and a facilities layer in the project");
    const std::string* type_field = fac->fields.field_for("type");
    if (!type_field)
        throw geo::Error("no field is bound to the facility type (set \"fields\": {\"type\": ...})", {.file = fac->data->source, .layer = fac->data->name});
    const std::vector<geo::FacilityType>& types = settings.types;
    if (types.empty())
        throw geo::Error("no service radii: give --radii datasets/standards/facility_service_radii.csv, or name the table in the project "
                         "(analysis.coverage.radii_table)");
    // A scenario's facility edits (added, moved, removed facilities) on a copy of the layer.
    geo::Layer facilities = *fac->data;
    if (args.flag("scenario")) {
        geo::Scenario scenario = geo::scenario_named(project.project, args.get("scenario"));
        geo::upgrade_legacy_edits(scenario, *fac, types, project.working.crs);
        const std::string* capacity_field = fac->fields.field_for("capacity");
        facilities = geo::apply_facility_edits(*fac->data, fac->config.id, *type_field, capacity_field ? *capacity_field : "", scenario,
                                               project.working.crs);
        size_t others = 0;
        for (const geo::Edit& e : scenario.edits) others += !geo::is_facility_edit(e);
        std::printf("scenario '%s': %zu facilities after its edits (%zu before)%s\n", scenario.name.c_str(), facilities.size(), fac->data->size(),
                    others ? (", " + std::to_string(others) + " edits of other kinds do not change coverage").c_str() : "");
    }
    const geo::Column& type_column = *facilities.column(*type_field);
    const geo::CoverageResult r = geo::straight_line_coverage(firms->data->geometry, facilities, type_column, types, terminal_progress());
    // Along the roads: the same types, with network distances in place of straight ones.
    std::optional<geo::RoadNetwork> network;
    std::optional<geo::NetworkCoverage> nc;
    geo::CoverageResult by_road;
    if (settings.network) {
        const geo::LoadedLayer* roads = project.first(geo::Role::Roads);
        if (!roads) throw geo::Error("--network needs a roads layer in the project");
        try {
            network.emplace(roads->data->geometry);
        } catch (const geo::Error& e) {
            throw geo::Error(e.message(), {.file = roads->data->source, .layer = roads->data->name});
        }
        nc = geo::network_coverage(firms->data->geometry, facilities, type_column, types, *network,
                                   settings.attach_limit_m, terminal_progress());
        by_road = r;
        for (size_t t = 0; t < r.types.size(); ++t) by_road.types[t].distance = nc->distance[t];
    }
    end_terminal_progress();
    for (const std::string& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());

    const geo::Column* employees = nullptr;
    if (const std::string* f = firms->fields.field_for("employees")) employees = firms->data->column(*f);

    // The enterprises with their coverage, and where it falls short (by road with --network).
    const geo::CoverageGaps gaps = geo::coverage_gaps(*firms, nc ? by_road : r);
    const geo::Layer out = geo::enterprises_coverage_layer(*firms, r, nc ? &*nc : nullptr, gaps);
    const geo::Layer& sites = gaps.suggested_sites;
    for (size_t k = 0; k < sites.size(); ++k)
        std::printf("suggested %s: a new one at (%.0f, %.0f) would cover %lld more enterprises (%.0f employees)\n",
                    sites.columns[0].text(k).c_str(), sites.geometry.first_coord(k).x, sites.geometry.first_coord(k).y,
                    static_cast<long long>(sites.columns[2].integer(k)), sites.columns[3].real(k));

    // Service areas along the roads: the reached stretches and the plots beside them.
    geo::NetworkServiceAreas by_road_areas;
    if (nc)
        by_road_areas = geo::network_service_areas(*network, facilities, type_column, types, settings.attach_limit_m,
                                                   settings.walk_off_m);
    const geo::Layer areas = geo::service_areas(facilities, type_column, types);
    wo.metadata = {{"PARKCAP_COVERAGE", nc ? "straight-line and road network" : "straight-line"}};
    note_spatial_index(wo, "enterprises_coverage", out.size());
    const std::string prefix = args.get("out");
    std::vector<std::pair<std::string, const geo::Layer*>> layers = {{"enterprises_coverage", &out}, {"service_areas", &areas}};
    if (by_road_areas.roads.size() > 0) layers.emplace_back("reachable_roads", &by_road_areas.roads);
    if (by_road_areas.areas.size() > 0) layers.emplace_back("network_service_areas", &by_road_areas.areas);
    if (gaps.gap_areas.size() > 0) layers.emplace_back("gap_areas", &gaps.gap_areas);
    if (sites.size() > 0) layers.emplace_back("suggested_sites", &sites);
    geo::write_layers(layers, project.working.crs, prefix + ".gpkg", wo);

    // Summaries by park, cluster and tier.
    const geo::CoverageResult* road = nc ? &by_road : nullptr;
    if (const geo::Grouping g = geo::park_grouping(project, *firms); !g.names.empty())
        geo::write_csv(geo::coverage_table(g, r, road, employees), prefix + "_parks.csv", args.flag("overwrite"));
    for (const char* meaning : {"cluster", "tier"})
        if (const geo::Grouping g = geo::category_grouping(*firms, meaning); !g.names.empty())
            geo::write_csv(geo::coverage_table(g, r, road, employees), prefix + "_" + meaning + "s.csv", args.flag("overwrite"));

    // The whole study area, on the terminal.
    const std::vector<int32_t> all(firms->data->size(), 0);
    std::printf("%zu enterprises, %zu facilities (straight-line%s)\n", firms->data->size(), facilities.size(), nc ? " and by road" : "");
    if (nc)
        std::printf("roads: %zu segments, %.1f km, %zu disconnected parts; %zu enterprises and %zu facilities farther than %g m "
                    "from any road (not attached)\n",
                    network->segments(), network->total_length() / 1000, nc->components, nc->unattached_enterprises,
                    nc->unattached_facilities, settings.attach_limit_m);
    std::printf("  %-16s %8s %10s %10s %12s%s\n", "type", "radius", "facilities", "covered", "employees", nc ? "    by road" : "");
    const auto all_rows = geo::coverage_summary(r, all, {"all"}, employees);
    const auto all_road = nc ? geo::coverage_summary(by_road, all, {"all"}, employees) : std::vector<geo::CoverageRow>{};
    for (size_t k = 0; k < all_rows.size(); ++k) {
        const auto& row = all_rows[k];
        std::printf("  %-16s %7.0fm %10zu %9.1f%% %11.1f%%", row.type.c_str(), row.radius_m,
                    std::find_if(r.types.begin(), r.types.end(), [&](const auto& t) { return t.type.code == row.type; })->facilities,
                    row.enterprises ? 100.0 * static_cast<double>(row.covered) / static_cast<double>(row.enterprises) : 0.0,
                    row.employees > 0 ? 100.0 * row.employees_covered / row.employees : 0.0);
        if (nc) std::printf(" %10.1f%%", all_road[k].enterprises ? 100.0 * static_cast<double>(all_road[k].covered) / static_cast<double>(all_road[k].enterprises) : 0.0);
        std::printf("\n");
    }
    std::printf("wrote %s and the tables by park, cluster and tier in %.2f s\n", prefix.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
