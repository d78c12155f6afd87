// parkcap performance: 亩均效益, each enterprise scored by its performance per mu of land as a
// county preset says, classes A-D, the distribution per park and the land in the lowest class
// (geo/performance).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include "args.h"
#include "commands.h"
#include "geo/core/error.h"
#include "geo/core/utf8.h"
#include "geo/io/layer_writer.h"
#include "geo/performance/performance_run.h"
#include "geo/report/load_summary.h"
#include "geo/report/performance_outputs.h"
#include "load_notes.h"
#include "output_options.h"
#include "project_input.h"
#include "terminal_progress.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"preset", "NAME|FILE", "the scoring preset: huangyan, huaian or jingde (mujun_*.csv in the standards folder), or a preset file "
                            "(default: analysis.performance.preset of the project, else huaian)"},
    {"indicators", "FILE.csv", "the bureau's table of tax, value added, sales, energy use, emissions, R&D, employees and land, by "
                               "统一社会信用代码 or 企业名称 (default: analysis.performance.indicators of the project)"},
    {"standards", "DIR", "the folder of the standards tables (default: analysis.capacity.standards_dir of the project)"},
    {"out", "PREFIX", "write PREFIX.gpkg (performance), PREFIX_parks.csv and PREFIX_matches.csv"},
    {"save-scenario", "NAME", "the lowest class's plots inside parks as a redevelopment scenario for `parkcap capacity` (with --project-out)"},
    {"project-out", "FILE", "the copy of the project that holds the scenario"},
    {"far", "F", "the FAR those plots are rebuilt to (default: each park's)"},
    spatial_index_option(),
    {"overwrite", "", "replace earlier outputs"},
    {"help", "", "show this help"},
};

}  // namespace

int run_performance(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap performance PROJECT.parkcap.json [--preset NAME|FILE] [--indicators FILE.csv] [--out PREFIX]\n\n"
                    "亩均效益: every enterprise scored by its performance per mu of land as a county's preset scores it (tax,\n"
                    "value added and sales per mu, value added or tax per unit of energy and emissions, labour productivity,\n"
                    "R&D share), in classes A-D; the bureau's table joined by credit code, then name, with a report of what\n"
                    "matched; per park the distribution and the land in the lowest class. A missing indicator is never zero.\n\n"
                    "Options:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one project file");
    if (args.flag("save-scenario") != args.flag("project-out")) throw UsageError("--save-scenario NAME and --project-out FILE go together");
    if (args.flag("far") && !args.flag("save-scenario")) throw UsageError("--far is the FAR of the scenario's redevelopment: give --save-scenario");
    std::optional<double> far;
    if (args.flag("far")) far = args.get_number_in("far", 0, 0, INFINITY, true);
    geo::Project input = input_project(args.positional[0], args, geo::Role::Enterprises);
    geo::PerformanceSettings settings = geo::performance_settings(input);
    if (!args.get("preset").empty()) settings.preset = args.get("preset");
    if (!args.get("indicators").empty()) settings.indicators = args.get("indicators");
    const std::string prefix = args.get("out");
    std::vector<std::string> outputs = prefix.empty() ? std::vector<std::string>{} : prefixed(prefix, {".gpkg", "_parks.csv", "_matches.csv"});
    if (args.flag("project-out")) outputs.push_back(args.get("project-out"));
    refuse_inputs_as_outputs(input, outputs, {settings.indicators});
    const geo::LoadedProject project = geo::load_project(std::move(input), terminal_progress(), {{geo::Role::Enterprises, geo::performance_fields()}});
    print_load_notes(project);
    geo::require_features(project, geo::Role::Enterprises);
    const geo::PerformanceRun run = geo::run_performance(project, settings, args.get("standards"));
    for (const std::string& line : geo::performance_summary(run)) std::printf("%s\n", line.c_str());
    const geo::CsvTable parks = geo::performance_parks_table(run);
    // The per-park table, aligned (Chinese names count two columns each).
    std::vector<size_t> width(parks.header.size(), 0);
    for (size_t c = 0; c < width.size(); ++c) {
        width[c] = geo::display_width(parks.header[c]);
        for (const auto& row : parks.rows) width[c] = std::max(width[c], geo::display_width(row[c]));
    }
    std::printf("\n");
    for (size_t r = 0; r <= parks.rows.size(); ++r) {
        const auto& row = r == 0 ? parks.header : parks.rows[r - 1];
        std::string line;
        for (size_t c = 0; c < row.size(); ++c) {
            const std::string cell = c == 0 ? geo::pad_to_width(row[c], width[c]) : std::string(width[c] - geo::display_width(row[c]), ' ') + row[c];
            line += (c ? "  " : "") + cell;
        }
        std::printf("%s\n", line.c_str());
    }
    // The scenario copy first: a failure there leaves no half set of outputs.
    if (args.flag("save-scenario")) {
        const std::string out = args.get("project-out");
        refuse_to_overwrite(out, args.flag("overwrite"));
        geo::Project copy = project.project;
        const geo::Scenario s = geo::performance_scenario(run, project.first(geo::Role::Enterprises)->config.id, args.get("save-scenario"), far);
        geo::store_scenario(copy, s);
        geo::write_project(copy, out);
        std::printf("wrote the scenario '%s' (%s) into %s\n", s.name.c_str(), s.extra["note"].get<std::string>().c_str(), out.c_str());
    }
    if (!prefix.empty()) {
        const bool over = args.flag("overwrite");
        geo::WriteOptions wo = gpkg_write_options(args);
        wo.overwrite = over;
        note_spatial_index(wo, "performance", run.name.size());
        geo::write_performance_layer(run, project.working.crs, prefix + ".gpkg", wo);
        geo::write_csv(parks, prefix + "_parks.csv", over);
        if (run.table.size()) geo::write_performance_matches(run, prefix + "_matches.csv", over);
        std::printf("wrote %s.gpkg, %s_parks.csv%s\n", prefix.c_str(), prefix.c_str(), run.table.size() ? ", _matches.csv" : "");
    }
    return 0;
}

}  // namespace cli
