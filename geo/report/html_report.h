#pragma once
// The park report as one self-contained HTML file: an overview map, each park's carrying
// capacity with its binding factor and a bar per factor, the indicators in planners' terms
// (综合容积率, 亩均产值, 亩均税收, jobs per hectare), standards compliance, coverage by facility
// type, characteristic clusters, tiers, the growth check, the scenarios side by side with
// their changes, and the parameters and data sources. Charts are inline SVG; print CSS puts
// each park on its own page, so a browser prints it cleanly to PDF. In Chinese or English,
// figures in the project's units.
#include <string>
#include <vector>

#include "geo/capacity/capacity_run.h"
#include "geo/project/terms.h"
#include "geo/report/display_units.h"

namespace geo {

struct ReportInput {
    std::string title;
    std::vector<CapacityRun> runs;     // the baseline first, then the scenarios
    int park = -1;                     // one park only (an index into the baseline's parks), or all
    std::string map_svg;               // the overview map (an SVG document), "" for none
    std::string crs, sources, date;
    std::vector<std::string> parameters;  // lines: where the standards and tables came from
    Language language = Language::En;
    DisplayUnits units;
};

std::string html_report(const ReportInput& input);

}  // namespace geo
