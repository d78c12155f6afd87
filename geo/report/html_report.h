#pragma once
// The park report as one self-contained HTML file: an overview map, each park's carrying
// capacity with its binding factor and a bar per factor, the indicators in planners' terms
// (综合容积率, 亩均产值, 亩均税收, jobs per hectare), standards compliance, coverage by facility
// type, characteristic clusters, tiers, the growth check, 亩均效益 classes (when the project
// names a preset) and the 15-minute life circles, the scenarios side by side with their
// changes, and the parameters and data sources. Charts are inline SVG; print CSS puts
// each park on its own page, so a browser prints it cleanly to PDF. In Chinese or English,
// figures in the project's units.
#include <optional>
#include <string>
#include <vector>

#include "geo/capacity/capacity_run.h"
#include "geo/project/terms.h"
#include "geo/report/csv_table.h"
#include "geo/report/display_units.h"

namespace geo {

// 亩均效益 by park: performance_parks_table's rows (park, enterprises, scored, one column per
// class, unscored, the lowest class's land in m² and mu, the mean score) and the preset.
struct ReportPerformance {
    std::string preset;
    std::vector<std::string> classes;  // the preset's, best first
    CsvTable parks;
};

// Life circles by park: the share of employees reaching every daily facility within each
// circle, against the plan's target.
struct ReportLifeCircles {
    std::vector<int> minutes;
    std::vector<double> metres;
    int target_minutes = 15;
    double target_share = 0.99;
    std::vector<std::string> park_name;       // then "(all in parks)"
    std::vector<std::vector<double>> shares;  // [park][circle]
};

struct ReportInput {
    std::string title;
    std::vector<CapacityRun> runs;     // the baseline first, then the scenarios
    int park = -1;                     // one park only (an index into the baseline's parks), or all
    std::string map_svg;               // the overview map (an SVG document), "" for none
    std::string crs, sources, date;
    std::vector<std::string> parameters;  // lines: where the standards and tables came from
    Language language = Language::En;
    DisplayUnits units;
    std::optional<ReportPerformance> performance;    // when the project names a preset (analysis.performance)
    std::optional<ReportLifeCircles> life_circles;   // when the project has facilities and the circles' table
};

std::string html_report(const ReportInput& input);

}  // namespace geo
