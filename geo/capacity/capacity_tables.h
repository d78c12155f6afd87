#pragma once
// The tables the capacity model reads, every rate and threshold among them: the general
// land-use standards, the minimum FAR by industry, infrastructure demand rates, each park's
// infrastructure capacities, model parameters and growth targets. Nothing in geo/capacity
// holds such a number as a literal; all come from here.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geo/project/project.h"

namespace geo {

// One row of industrial_land_general_2008.csv: "min" passes at value or above, "max" at
// value or below; "threshold" is a plain number (the 8 m storey rule).
struct StandardRule {
    std::string indicator, indicator_zh, comparison;
    double value = 0;
};

struct DemandRate {
    std::string factor, factor_zh, unit;
    std::string cluster;  // "*": every cluster without its own row
    bool per_job = true;  // false: per m² of floor area
    double rate = 0;
};

struct GrowthTarget {
    std::string tier;  // "(no tier)" for enterprises without one
    int base_year = 0, target_year = 0;
    std::optional<double> annual_rate;   // either a rate ...
    std::optional<double> target_count;  // ... or a count to reach by target_year (city-wide)
};

// The planner's averages for a cluster, in place of those measured from the park's
// enterprises (0: not given).
struct ClusterAverages {
    double m2_per_job = 0, m2_per_enterprise = 0;
};

struct CapacityTables {
    std::map<std::string, StandardRule> rules;                          // by indicator
    std::map<std::string, double> min_far;                              // by two-digit GB/T 4754 code
    // The edition of the enterprises' industry codes (analysis.capacity.industry_code_edition):
    // "2002", the minimum-FAR table's own, or "2017", mapped through code_map (a GB/T
    // 4754-2017 code prefix of 2 to 4 digits -> the 2002 division; the longest prefix wins).
    std::string code_edition = "2002";
    std::map<std::string, std::string> code_map;
    std::vector<DemandRate> rates;
    std::map<std::string, std::map<std::string, double>> infrastructure;  // park name or code -> factor -> capacity
    std::map<std::string, std::string> parameters;                      // capacity_parameters.csv, then the project's
    std::vector<GrowthTarget> growth;
    std::map<std::string, ClusterAverages> cluster_averages;  // by cluster
    // The planner's shares of growth by park (name or code -> share of every tier's new
    // enterprises); empty: each park keeps its present share of each tier.
    std::map<std::string, double> growth_shares;
    std::vector<std::string> relaxed_parks;  // parks applying the dormitory relaxation (names or codes)
    std::vector<std::string> factors;        // the infrastructure factors, in the rate table's order
    // The table of building uses (which count as admin/living; building_uses.h), read when the
    // project has a buildings layer: analysis.capacity.building_uses, else the standards folder's
    // admin_living_building_uses.csv.
    std::filesystem::path building_uses;

    // A rule or parameter that must be there; throws geo::Error naming the table when missing.
    const StandardRule& rule(const std::string& indicator) const;
    double number(const std::string& parameter) const;
    std::vector<std::string> list(const std::string& parameter) const;  // ";"-separated
    // The rate for a cluster (its own row, else "*"), or nullopt when neither exists.
    std::optional<DemandRate> rate(const std::string& factor, const std::string& cluster) const;
    std::string source;  // where the tables came from, for messages
};

// Where the tables are, from the project's analysis.capacity: standards_dir (holding
// industrial_land_general_2008.csv, industrial_land_min_far_2008.csv,
// infrastructure_demand_rates.csv, capacity_parameters.csv; each overridable by its own key
// general, min_far, demand_rates, parameters_table), infrastructure, growth (optional),
// parameters {name: value}, relaxed_parks [..], growth_shares {park: share}, cluster_averages
// (a table: cluster, floor_m2_per_job, floor_m2_per_enterprise; either may be empty). Paths are relative to the project file;
// `standards_override` (a folder) replaces standards_dir. Throws geo::Error naming the
// missing file, the table, the line and the column of a bad value, or a negative capacity.
CapacityTables load_capacity_tables(const Project& project, const std::filesystem::path& standards_override = {});
// The folder of the standards tables: `standards_override`, else the project's
// analysis.capacity.standards_dir (relative to the project file), else "standards" beside
// it, else parkcap's own (geo/project/data_dir.h: $PARKCAP_DATA_DIR, the installed copy).
std::filesystem::path standards_folder(const Project& project, const std::filesystem::path& standards_override = {});

}  // namespace geo
