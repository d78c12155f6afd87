// The pushed-down paths of `parkcap coverage` and `parkcap clusters` (push_down_runs.h).
#include "push_down_runs.h"

#include <algorithm>
#include <cstdio>

#include "geo/cluster/hot_spots_pushdown.h"
#include "geo/core/error.h"
#include "geo/coverage/coverage_pushdown.h"
#include "geo/coverage/straight_coverage.h"
#include "geo/io/layer_writer.h"
#include "geo/report/cluster_outputs.h"
#include "geo/report/coverage_files.h"
#include "geo/report/coverage_outputs.h"
#include "geo/report/csv_table.h"
#include "geo/report/load_summary.h"
#include "load_notes.h"
#include "output_options.h"
#include "terminal_progress.h"

namespace cli {

// The work pushed down to PostGIS: the enterprises stay in their table; the database finds
// each one's park and nearest facility of each type and returns the sums for the tables. The
// GeoPackage holds the service areas (from the facilities, in memory); the per-enterprise
// distances stay in the database's hands.
int coverage_in_database(geo::Project input, const geo::ProjectLayer& enterprises, const geo::CoverageSettings& settings, const Args& args,
                         std::chrono::steady_clock::time_point t0)
{
    if (settings.network) throw UsageError("--network is measured in memory: give --no-push-down with it");
    if (!args.get("scenario").empty()) throw UsageError("a scenario's incoming enterprises are added in memory: give --no-push-down with --scenario");
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress());
    print_load_notes(project);
    geo::require_features(project, geo::Role::Facilities);
    const geo::LoadedLayer& fac = *project.first(geo::Role::Facilities);
    const std::string* type_field = fac.fields.field_for("type");
    if (!type_field)
        throw geo::Error("no field is bound to the facility type (set \"fields\": {\"type\": ...})", {.file = fac.data->source, .layer = fac.data->name});
    if (settings.types.empty()) throw geo::Error("no service radii: give --radii FILE or store a table in the project");
    geo::CoveragePushdown in;
    in.parks = project.first(geo::Role::Parks);
    in.park_names = geo::park_group_names(project);
    in.facilities = fac.data.get();
    in.facility_type = fac.data->column(*type_field);
    in.types = settings.types;
    in.working_crs = project.working.crs.code();
    std::fprintf(stderr, "counting in the database: each enterprise's park and nearest facility of %zu types ...\n", in.types.size());
    const geo::CoverageTotals totals = geo::coverage_in_database(enterprises, in);
    end_terminal_progress();
    for (const std::string& w : totals.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());

    const std::string prefix = args.get("out");
    const bool overwrite = args.flag("overwrite");
    geo::WriteOptions wo = gpkg_write_options(args);
    wo.metadata = {{"PARKCAP_COVERAGE", "straight-line, counted in PostGIS"}};
    const geo::Layer areas = geo::service_areas(*fac.data, *in.facility_type, settings.types);
    geo::write_layers({{"service_areas", &areas}}, project.working.crs, prefix + ".gpkg", wo);
    std::string tables;
    for (const auto& [suffix, table] : geo::coverage_totals_tables(totals)) {
        geo::write_csv(table, prefix + suffix, overwrite);
        tables += ", " + prefix + suffix;
    }
    std::printf("%lld enterprises (counted by PostGIS, not loaded), %zu facilities (straight-line)\n", static_cast<long long>(totals.enterprises),
                fac.data->size());
    std::printf("wrote %s.gpkg (service areas)%s in %.2f s\n", prefix.c_str(), tables.c_str(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

// Hot spots pushed down to PostGIS: the database counts the enterprises per cell; DBSCAN,
// location quotients and contours need the points and are not computed.
int hot_spots_in_database(geo::Project input, const geo::ProjectLayer& enterprises, const geo::ClusterOptions& o, const Args& args,
                          std::chrono::steady_clock::time_point t0)
{
    if (!o.contour_levels.empty() || o.footprint_threshold) throw UsageError("contours and footprints need the points: give --no-push-down with them");
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress());
    print_load_notes(project);
    const geo::ClusterAnalysis a = geo::hot_spots_in_database(project, enterprises, o);
    end_terminal_progress();
    const std::string prefix = args.get("out");
    const geo::Layer hot = geo::hot_spot_layer(a);
    geo::WriteOptions wo;
    wo.overwrite = args.flag("overwrite");
    wo.metadata = geo::cluster_layers_metadata(a, o);
    geo::write_layers({{"hot_spots", &hot}}, project.working.crs, prefix + ".gpkg", wo);
    const std::vector<std::string> summary = geo::cluster_summary(a, o);
    for (size_t i = 0; i < std::min<size_t>(2, summary.size()); ++i) std::printf("%s\n", summary[i].c_str());
    std::printf("counted by PostGIS (the enterprises were not loaded); DBSCAN clusters and location quotients need the points: "
                "--no-push-down computes them\n");
    std::printf("wrote %s.gpkg (hot_spots) in %.2f s\n", prefix.c_str(), std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}

}  // namespace cli
