#pragma once
// One 亩均效益 evaluation of a loaded project: the preset, the bureau's indicator table joined
// to the enterprises, each enterprise's figures (the table's, else the layer's tax, employees,
// land, and its output value for sales), scores and classes, and the park each lies in. What the command and the report
// both call.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/core/text_list.h"
#include "geo/performance/indicator_table.h"
#include "geo/performance/performance_preset.h"
#include "geo/performance/performance_score.h"
#include "geo/project/loaded_project.h"
#include "geo/scenario/edits.h"

namespace geo {

struct PerformanceSettings {
    std::string preset = "huaian";  // a preset's name in the standards folder (mujun_NAME*.csv) or a file
    std::string indicators;         // the bureau's table (CSV); empty: the layer's own figures only
};
// From analysis.performance (preset, indicators; a relative path is the project folder's).
PerformanceSettings performance_settings(const Project& project);

struct PerformanceRun {
    PerformancePreset preset;
    std::filesystem::path preset_file;
    IndicatorTable table;   // empty without one
    IndicatorMatch match;   // of the table's rows
    PerformanceFigures figures;
    PerformanceScores scores;
    TextList name;                  // per enterprise (or "fid N"), one buffer
    std::vector<int64_t> fid;
    std::vector<Coord> xy;          // working CRS
    std::vector<int32_t> park_of;   // -1 outside every park
    std::vector<std::string> park_name;
    bool has_codes = false;         // the layer has a credit code field
};

// Throws geo::Error naming the file or setting.
PerformanceRun run_performance(const LoadedProject& project, const PerformanceSettings& settings, const std::filesystem::path& standards_override = {});
// The same on `enterprises`, the features of the project's enterprises layer taken out of it
// (take_features; the layer's field bindings stay in the project).
PerformanceRun run_performance(const LoadedProject& project, const Layer& enterprises, const PerformanceSettings& settings,
                               const std::filesystem::path& standards_override = {});

// The lowest class's plots inside parks as a scenario for the capacity model: one
// redevelop_plots edit of their features in `layer_id`, rebuilt to `far` (none: each park's
// FAR). Throws geo::Error when no plot inside a park is in that class.
Scenario performance_scenario(const PerformanceRun& run, const std::string& layer_id, const std::string& name, std::optional<double> far);

// The enterprises' meanings the evaluation reads.
std::vector<std::string> performance_fields();

}  // namespace geo
