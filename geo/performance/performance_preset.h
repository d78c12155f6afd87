#pragma once
// How a county scores its enterprises' performance per mu of land (亩均效益评价, Zhejiang's
// 亩均论英雄 and the counties that followed): which indicators with which weights, how each is
// scaled (against a benchmark, against a multiple of the mean, or onto 20..100 between the
// smallest and largest value), what a missing indicator does, and how scores become classes
// A-D (by rank or by score). Kept as an editable table in datasets/standards (mujun_*.csv).
#include <filesystem>
#include <string>
#include <vector>

namespace geo {

// The indicators parkcap derives from a bureau's tables and the enterprises layer.
//   tax_per_mu, value_added_per_mu, sales_per_mu: 万元 per mu of land
//   value_added_per_energy, tax_per_energy: 万元 per tonne of standard coal
//   value_added_per_emission: 万元 per unit of emissions (as the table gives them)
//   labour_productivity: value added per employee, 万元
//   rd_share: R&D spending / sales
const std::vector<std::string>& performance_indicators();

enum class Scaling { Benchmark, MeanMultiple, MinMax };
enum class MissingRule { Redistribute, Unscored };
enum class ClassRule { Rank, Score };

struct PresetIndicator {
    std::string key;         // one of performance_indicators()
    double weight = 0;
    double benchmark = 0;    // Benchmark: the value scoring the full weight; MeanMultiple: the multiple of the mean
};

struct PerformanceClass {
    std::string name;  // "A"
    double bound = 0;  // Rank: the share of scored enterprises from the top down to this class's end; Score: the least score
};

struct PerformancePreset {
    std::string name, source;
    Scaling scaling = Scaling::Benchmark;
    MissingRule missing = MissingRule::Redistribute;
    ClassRule class_rule = ClassRule::Rank;
    std::vector<PresetIndicator> indicators;
    std::vector<PerformanceClass> classes;  // best first
};

// Reads a preset table (columns item,name,value,weight,note; items: indicator, scaling,
// missing, classes, class, source). Throws geo::Error naming the file, line and value.
PerformancePreset read_performance_preset(const std::filesystem::path& file);

// The preset file of a name ("huangyan" -> DIR/mujun_huangyan*.csv) or a path.
std::filesystem::path performance_preset_file(const std::string& name_or_path, const std::filesystem::path& standards_dir);

}  // namespace geo
