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
    {"show-settings", "", "print the effective settings (the project's analysis.coverage with the flags applied) as JSON and stop"},
    {"help", "", "show this help"},
});

std::string fmt(double v, const char* format = "%.0f")
{
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
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
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress());
    print_load_notes(project);
    geo::require_features(project, geo::Role::Enterprises);
    geo::require_features(project, geo::Role::Facilities);
    const geo::LoadedLayer* firms = project.first(geo::Role::Enterprises);
    const geo::LoadedLayer* fac = project.first(geo::Role::Facilities);
    if (!firms || !fac) throw geo::Error("coverage needs an enterprises layer and a facilities layer in the project");
    const std::string* type_field = fac->fields.field_for("type");
    if (!type_field)
        throw geo::Error("no field is bound to the facility type (set \"fields\": {\"type\": ...})", {.file = fac->data.source, .layer = fac->data.name});
    const std::vector<geo::FacilityType>& types = settings.types;
    if (types.empty())
        throw geo::Error("no service radii: give --radii datasets/standards/facility_service_radii.csv, or name the table in the project "
                         "(analysis.coverage.radii_table)");
    const geo::Column& type_column = *fac->data.column(*type_field);
    const geo::CoverageResult r = geo::straight_line_coverage(firms->data.geometry, fac->data, type_column, types, terminal_progress());
    // Along the roads: the same types, with network distances in place of straight ones.
    std::optional<geo::RoadNetwork> network;
    std::optional<geo::NetworkCoverage> nc;
    geo::CoverageResult by_road;
    if (settings.network) {
        const geo::LoadedLayer* roads = project.first(geo::Role::Roads);
        if (!roads) throw geo::Error("--network needs a roads layer in the project");
        try {
            network.emplace(roads->data.geometry);
        } catch (const geo::Error& e) {
            throw geo::Error(e.message(), {.file = roads->data.source, .layer = roads->data.name});
        }
        nc = geo::network_coverage(firms->data.geometry, fac->data, type_column, types, *network,
                                   settings.attach_limit_m, terminal_progress());
        by_road = r;
        for (size_t t = 0; t < r.types.size(); ++t) by_road.types[t].distance = nc->distance[t];
    }
    end_terminal_progress();
    for (const std::string& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());

    const geo::Column* employees = nullptr;
    if (const std::string* f = firms->fields.field_for("employees")) employees = firms->data.column(*f);

    // The enterprises with their coverage: name, then d_<type> metres and c_<type>_<radius> 0/1.
    geo::Layer out;
    out.name = "enterprises_coverage";
    out.geometry = firms->data.geometry;
    out.fids = firms->data.fids;
    const std::string* name_field = firms->fields.field_for("name");
    if (name_field) out.columns.push_back(*firms->data.column(*name_field));
    if (nc) {
        geo::Column attach("attach_m", geo::FieldType::Real);
        for (double v : nc->attach_m) std::isfinite(v) ? attach.push_real(std::round(v * 10) / 10) : attach.push_null();
        out.columns.push_back(std::move(attach));
    }
    for (size_t t = 0; t < r.types.size(); ++t) {
        const auto& tc = r.types[t];
        geo::Column d("d_" + tc.type.code, geo::FieldType::Real);
        for (double v : tc.distance) std::isfinite(v) ? d.push_real(std::round(v * 10) / 10) : d.push_null();
        out.columns.push_back(std::move(d));
        for (double radius : tc.type.radii_m) {
            geo::Column c("c_" + tc.type.code + "_" + fmt(radius), geo::FieldType::Integer);
            for (double v : tc.distance) c.push_integer(v <= radius ? 1 : 0);
            out.columns.push_back(std::move(c));
        }
        if (!nc) continue;
        geo::Column nd("n_" + tc.type.code, geo::FieldType::Real);
        for (double v : nc->distance[t]) std::isfinite(v) ? nd.push_real(std::round(v * 10) / 10) : nd.push_null();
        out.columns.push_back(std::move(nd));
        for (double radius : tc.type.radii_m) {
            geo::Column c("nc_" + tc.type.code + "_" + fmt(radius), geo::FieldType::Integer);
            for (double v : nc->distance[t]) c.push_integer(v <= radius ? 1 : 0);
            out.columns.push_back(std::move(c));
        }
    }
    // Gaps, per type at its largest radius (by road with --network): which enterprises are
    // uncovered, where their employees concentrate, and the best single new location.
    std::vector<geo::Coord> firm_xy;
    for (size_t i = 0; i < firms->data.size(); ++i) firm_xy.push_back(firms->data.geometry.first_coord(i));
    std::vector<double> firm_jobs;
    if (employees)
        for (size_t i = 0; i < firms->data.size(); ++i) firm_jobs.push_back(employees->number(i).value_or(0.0));
    geo::Column uncovered_list("uncovered", geo::FieldType::String);
    std::vector<std::string> uncovered_text(firms->data.size());
    geo::Layer gaps, sites;
    gaps.name = "gap_areas";
    gaps.geometry = geo::GeometryColumn(geo::GeomKind::Polygon);
    gaps.columns = {geo::Column("type", geo::FieldType::String), geo::Column("radius_m", geo::FieldType::Real),
                    geo::Column("uncovered_enterprises", geo::FieldType::Integer), geo::Column("uncovered_employees", geo::FieldType::Real)};
    sites.name = "suggested_sites";
    sites.geometry = geo::GeometryColumn(geo::GeomKind::Point);
    sites.columns = {geo::Column("type", geo::FieldType::String), geo::Column("radius_m", geo::FieldType::Real),
                     geo::Column("covers_enterprises", geo::FieldType::Integer), geo::Column("covers_employees", geo::FieldType::Real)};
    for (size_t t = 0; t < r.types.size(); ++t) {
        const auto& tc = (nc ? by_road : r).types[t];
        const double radius = tc.type.radii_m.back();
        std::vector<uint8_t> uncovered(firms->data.size());
        for (size_t i = 0; i < uncovered.size(); ++i) {
            uncovered[i] = !(tc.distance[i] <= radius);
            if (uncovered[i]) uncovered_text[i] += (uncovered_text[i].empty() ? "" : ",") + tc.type.code;
        }
        const geo::Layer g = geo::gap_areas(firm_xy, firm_jobs, uncovered, radius);
        for (size_t k = 0; k < g.size(); ++k) {
            gaps.geometry.append_feature(g.geometry, k);
            gaps.fids.push_back(static_cast<int64_t>(gaps.fids.size()));
            gaps.columns[0].push_string(tc.type.code);
            gaps.columns[1].push_real(radius);
            gaps.columns[2].push_integer(g.columns[0].integer(k));
            gaps.columns[3].push_real(g.columns[1].real(k));
        }
        const geo::SiteSuggestion best = geo::best_new_location(firm_xy, firm_jobs, uncovered, radius);
        if (best.enterprises > 0) {
            sites.geometry.add_point(best.at);
            sites.fids.push_back(static_cast<int64_t>(sites.fids.size()));
            sites.columns[0].push_string(tc.type.code);
            sites.columns[1].push_real(radius);
            sites.columns[2].push_integer(best.enterprises);
            sites.columns[3].push_real(best.employees);
            std::printf("suggested %s: a new one at (%.0f, %.0f) would cover %lld more enterprises (%.0f employees)\n",
                        tc.type.code.c_str(), best.at.x, best.at.y, static_cast<long long>(best.enterprises), best.employees);
        }
    }
    for (const std::string& u : uncovered_text) u.empty() ? uncovered_list.push_null() : uncovered_list.push_string(u);
    out.columns.push_back(std::move(uncovered_list));

    // Service areas along the roads: the reached stretches and the plots beside them.
    geo::NetworkServiceAreas by_road_areas;
    if (nc)
        by_road_areas = geo::network_service_areas(*network, fac->data, type_column, types, settings.attach_limit_m,
                                                   settings.walk_off_m);
    const geo::Layer areas = geo::service_areas(fac->data, type_column, types);
    wo.metadata = {{"PARKCAP_COVERAGE", nc ? "straight-line and road network" : "straight-line"}};
    note_spatial_index(wo, "enterprises_coverage", out.size());
    const std::string prefix = args.get("out");
    std::vector<std::pair<std::string, const geo::Layer*>> layers = {{"enterprises_coverage", &out}, {"service_areas", &areas}};
    if (by_road_areas.roads.size() > 0) layers.emplace_back("reachable_roads", &by_road_areas.roads);
    if (by_road_areas.areas.size() > 0) layers.emplace_back("network_service_areas", &by_road_areas.areas);
    if (gaps.size() > 0) layers.emplace_back("gap_areas", &gaps);
    if (sites.size() > 0) layers.emplace_back("suggested_sites", &sites);
    geo::write_layers(layers, project.working.crs, prefix + ".gpkg", wo);

    // Summaries by park, cluster and tier.
    auto table = [&](const std::vector<int32_t>& group_of, const std::vector<std::string>& names, const char* label, const std::string& file) {
        geo::CsvTable t;
        t.header = {label, "facility_type", "radius_m", "enterprises", "covered", "share", "employees", "employees_covered", "employee_share"};
        if (nc) for (const char* h : {"covered_by_road", "share_by_road", "employees_covered_by_road", "covered_straight_not_by_road"}) t.header.push_back(h);
        const auto rows = geo::coverage_summary(r, group_of, names, employees);
        const auto road_rows = nc ? geo::coverage_summary(by_road, group_of, names, employees) : std::vector<geo::CoverageRow>{};
        for (size_t k = 0; k < rows.size(); ++k) {
            const auto& row = rows[k];
            t.rows.push_back({row.group, row.type, fmt(row.radius_m), std::to_string(row.enterprises), std::to_string(row.covered),
                              row.enterprises ? fmt(static_cast<double>(row.covered) / static_cast<double>(row.enterprises), "%.4f") : "",
                              fmt(row.employees), fmt(row.employees_covered),
                              row.employees > 0 ? fmt(row.employees_covered / row.employees, "%.4f") : ""});
            if (!nc) continue;
            // A road path is never shorter than the straight line: road coverage is a subset.
            const auto& rr = road_rows[k];
            t.rows.back().insert(t.rows.back().end(),
                                 {std::to_string(rr.covered),
                                  rr.enterprises ? fmt(static_cast<double>(rr.covered) / static_cast<double>(rr.enterprises), "%.4f") : "",
                                  fmt(rr.employees_covered), std::to_string(row.covered - rr.covered)});
        }
        geo::write_csv(t, file, args.flag("overwrite"));
    };
    auto by_category = [&](const char* meaning, const char* label, const std::string& file) {
        const std::string* f = firms->fields.field_for(meaning);
        if (!f) return;
        const geo::Column& c = *firms->data.column(*f);
        std::map<std::string, int32_t> ids;
        std::vector<int32_t> group_of(c.size(), -1);
        std::vector<std::string> names;
        for (size_t i = 0; i < c.size(); ++i) {
            const std::string v = c.is_null(i) || c.text(i).empty() ? "(none)" : c.text(i);
            auto [it, added] = ids.try_emplace(v, static_cast<int32_t>(names.size()));
            if (added) names.push_back(v);
            group_of[i] = it->second;
        }
        table(group_of, names, label, file);
    };
    std::vector<std::string> written = {prefix + ".gpkg"};
    if (const geo::LoadedLayer* parks = project.first(geo::Role::Parks)) {
        const geo::ZoneAssignment a = geo::assign_to_zones(firms->data.geometry, parks->data.geometry);
        std::vector<std::string> names;
        const std::string* pn = parks->fields.field_for("name");
        for (size_t p = 0; p < parks->data.size(); ++p)
            names.push_back(pn ? parks->data.column(*pn)->text(p) : "fid " + std::to_string(parks->data.fids[p]));
        std::vector<int32_t> group_of = a.zone_of;
        for (int32_t& g : group_of)
            if (g < 0) g = static_cast<int32_t>(names.size());
        names.push_back("(outside every park)");
        table(group_of, names, "park", prefix + "_parks.csv");
        written.push_back(prefix + "_parks.csv");
    }
    by_category("cluster", "cluster", prefix + "_clusters.csv");
    by_category("tier", "tier", prefix + "_tiers.csv");

    // The whole study area, on the terminal.
    const std::vector<int32_t> all(firms->data.size(), 0);
    std::printf("%zu enterprises, %zu facilities (straight-line%s)\n", firms->data.size(), fac->data.size(), nc ? " and by road" : "");
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
