// parkcap suitability: a raster of land suitability over the parks (veto layers, graded
// factors through class tables, AHP weights) and each site's score (geo/suitability).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "args.h"
#include "commands.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/core/error.h"
#include "geo/io/raster_writer.h"
#include "geo/report/csv_table.h"
#include "geo/report/load_summary.h"
#include "geo/report/text_format.h"
#include "geo/suitability/ahp.h"
#include "geo/suitability/suitability.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"out", "PREFIX", "write PREFIX.tif (the scores, 0-100; vetoed 0; outside the parks no data) and PREFIX_sites.csv"},
    {"cell", "METRES", "the cell size (default: the project's analysis.suitability.cell_m, else 50)"},
    {"dem", "FILE", "a DEM raster (any CRS GDAL reads) for the slope factor (default: analysis.suitability.dem)"},
    {"cluster", "NAME", "the industry cluster whose density within 1 km is a factor, e.g. 电子信息 (default: analysis.suitability.cluster)"},
    {"classes", "FILE.csv", "the factors' class tables (default: suitability_classes.csv in the standards folder)"},
    {"ahp", "FILE.csv", "the pairwise comparison of the factors (default: suitability_ahp.csv in the standards folder; the project's typed "
                        "weights, analysis.suitability.weights, are used instead when it has them and this is not given)"},
    {"ri", "NAME", "the random-index table for the AHP consistency ratio (default saaty)"},
    {"standards", "DIR", "the standards folder (default: analysis.capacity.standards_dir of the project)"},
    {"overwrite", "", "replace earlier outputs"},
    {"help", "", "show this help"},
};

}  // namespace

int run_suitability(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap suitability PROJECT.parkcap.json --out PREFIX [--cell M] [--dem FILE] [--cluster NAME]\n\n"
                    "Land suitability over the parks: constraint areas (ecological red lines, basic farmland, flood zones) veto a\n"
                    "cell; slope, distance to roads and to facilities and same-cluster density are scored by editable class tables\n"
                    "and combined by weights from an AHP matrix (its consistency ratio shown). Each site gets the mean of its cells.\n\n"
                    "Options:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    if (args.get("out").empty()) throw UsageError("--out PREFIX is required");
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    const std::filesystem::path dir = geo::standards_folder(input, args.get("standards"));
    // The project's saved choices (the planner's suitability panel), each overridden by its flag.
    const geo::SuitabilitySettings saved = geo::suitability_settings(input);
    geo::SuitabilityOptions o;
    o.cell_m = args.get_number_in("cell", saved.cell_m, 0, INFINITY, true);
    o.dem = args.flag("dem") ? std::filesystem::path(args.get("dem")) : geo::settings_path(input, saved.dem);
    o.cluster = args.flag("cluster") ? args.get("cluster") : saved.cluster;
    o.radii = geo::service_radii_or_standard(input, dir);
    const std::filesystem::path classes = args.get("classes").empty() ? dir / "suitability_classes.csv" : std::filesystem::path(args.get("classes"));
    const std::filesystem::path ahp_file = args.get("ahp").empty() ? dir / "suitability_ahp.csv" : std::filesystem::path(args.get("ahp"));
    const geo::WeightedFactors weighted = geo::ahp_weighted_factors(classes, ahp_file, dir / "ahp_random_index.csv", args.get("ri").empty() ? "saaty" : args.get("ri"));
    o.factors = weighted.factors;
    const geo::AhpResult& ahp = weighted.ahp;
    const std::vector<std::string>& names = weighted.matrix_factors;
    std::printf("AHP weights (%s): ", ahp_file.filename().string().c_str());
    for (size_t i = 0; i < names.size(); ++i) std::printf("%s%s %.3f", i ? ", " : "", names[i].c_str(), ahp.weights[i]);
    std::printf("; CR %.3f (%s)%s\n", ahp.cr, weighted.ri.c_str(), ahp.consistent ? "" : ": NOT consistent, revise the comparisons");
    if (!saved.weights.empty() && !args.flag("ahp")) {
        geo::use_typed_weights(o.factors, saved.weights);
        std::printf("typed weights (analysis.suitability.weights) used in their place\n");
    }
    const std::string prefix = args.get("out");
    refuse_inputs_as_outputs(input, prefixed(prefix, {".tif", "_sites.csv"}), {o.dem.string(), ahp_file.string()});
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(), {{geo::Role::Enterprises, {"cluster", "employees"}}});
    print_load_notes(project);
    const geo::SuitabilityResult r = geo::suitability(project, o);
    for (const std::string& n : r.notes) std::printf("note: %s\n", n.c_str());
    std::printf("factors scored: ");
    for (size_t i = 0; i < r.used.size(); ++i) std::printf("%s%s %.3f", i ? ", " : "", r.used[i].c_str(), r.weights[i]);
    std::printf("\n%zu cells of %.0f m in the parks, %zu vetoed by the constraint areas\n", r.cells_in_parks, o.cell_m, r.cells_vetoed);
    const bool over = args.flag("overwrite");
    std::map<std::string, std::string> meta = {{"PARKCAP_SUITABILITY_FACTORS", ""}, {"PARKCAP_SUITABILITY_CR", geo::number_text(ahp.cr, 4)}};
    for (size_t i = 0; i < r.used.size(); ++i) meta["PARKCAP_SUITABILITY_FACTORS"] += (i ? "," : "") + r.used[i] + "=" + geo::number_text(r.weights[i], 6);
    geo::Raster out = r.score;  // NaN (outside the parks, or no factor) written as the declared no-data value
    for (float& v : out.values)
        if (std::isnan(v)) v = -9999.0f;
    geo::write_geotiff(out, project.working.crs, prefix + ".tif", -9999.0f, meta, over);
    geo::CsvTable sites;
    sites.header = {"site", "status", "cells", "mean_score", "vetoed_share"};
    for (size_t s = 0; s < r.site_name.size(); ++s)
        sites.rows.push_back({r.site_name[s], r.site_status[s], std::to_string(r.site_cells[s]), std::isnan(r.site_mean[s]) ? "" : geo::number_text(r.site_mean[s], 6),
                              std::isnan(r.site_vetoed_share[s]) ? "" : geo::number_text(r.site_vetoed_share[s], 4)});
    geo::write_csv(sites, prefix + "_sites.csv", over);
    std::printf("wrote %s.tif, %s_sites.csv (%zu sites)\n", prefix.c_str(), prefix.c_str(), r.site_name.size());
    return 0;
}

}  // namespace cli
