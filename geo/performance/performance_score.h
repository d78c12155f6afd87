#pragma once
// Scores each enterprise by a performance-per-mu preset (performance_preset.h): the preset's
// indicators from the enterprise's figures, each scaled as the preset says, summed by weight;
// then a class by rank or by score. A missing indicator is never a zero: the preset spreads its
// weight over the others or leaves the enterprise unscored, and both are counted.
#include <string>
#include <vector>

#include "geo/performance/performance_preset.h"

namespace geo {

// Per enterprise; NaN where unknown. Money in 万元, energy in tonnes of standard coal, land in m².
// Per enterprise; NaN where unknown. A figure no source gives (no bureau's table: value added,
// energy, emissions, R&D) may be left empty rather than ten million NaNs.
struct PerformanceFigures {
    std::vector<double> tax, value_added, sales, energy, emissions, rd, employees, land_m2;
    size_t size() const { return land_m2.size(); }
};

inline constexpr double kMuM2 = 10000.0 / 15.0;  // one mu (亩)

// Indicator `key` of enterprise i; NaN where a figure is missing or its divisor is not above 0.
double indicator_value(const PerformanceFigures& f, const std::string& key, size_t i);

struct PerformanceScores {
    std::vector<std::string> keys;   // the preset's indicators, in its order
    std::vector<double> reference;   // per indicator: the benchmark applied (given, or the multiple of the mean); MinMax: 0
    std::vector<double> low, high;   // per indicator, MinMax: the smallest and largest value scored
    std::vector<double> value;       // [enterprise * keys + indicator]
    std::vector<double> score;       // per enterprise; NaN when unscored
    std::vector<int> klass;          // per enterprise: index into the preset's classes, -1 when unscored
    // The indicators enterprise i lacks (its NaN values), comma-separated; "" when none. Made
    // when asked: kept as a text per enterprise it cost 320 MB at ten million.
    std::string missing(size_t i) const;
    size_t scored = 0, spread = 0, unscored = 0;  // spread: scored with a missing indicator's weight spread
    std::vector<std::string> warnings;            // an indicator no enterprise has
};

// An indicator that no enterprise has (or, for mean_multiple, none above 0) is missing for every
// enterprise, with a warning.
PerformanceScores score_performance(const PerformancePreset& preset, const PerformanceFigures& figures);

}  // namespace geo
