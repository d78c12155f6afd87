#pragma once
// What the park report is made from, for `parkcap report` and File > Export report alike: the
// capacity of the baseline and of every scenario, the overview map (the project as drawn, or
// one park's neighbourhood), the CRS, sources and parameters.
#include <filesystem>
#include <string>

#include "geo/project/loaded_project.h"
#include "geo/report/html_report.h"

namespace geo {

struct ReportRequest {
    std::filesystem::path standards;  // "" : the project's analysis.capacity.standards_dir
    std::string park;                 // one park (its name or code), "" for all
    std::string date;                 // as printed; "" for today
    Language language = Language::En;
    // 亩均效益 and the life circles are computed for the report up to this many enterprises
    // (above it they cost more memory than the rest of the report: the report says they were
    // left out and which commands give them).
    size_t sections_limit = 2'000'000;
};

// Throws geo::Error for a park the project does not have ("no park named 'X'") and for what
// the capacity model refuses (missing standards tables...).
ReportInput report_input(const LoadedProject& project, const ReportRequest& request);
// The same for the command line, where nothing else reads the enterprises: the map is drawn
// first, then their features move into the capacity evaluation (take_features), so a registry
// of millions is never held twice.
ReportInput report_input_consuming(LoadedProject& project, const ReportRequest& request);

}  // namespace geo
