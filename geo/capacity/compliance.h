#pragma once
// Standards compliance of each enterprise's plot, against the general land-use standards and
// the minimum FAR of its industry (both from CapacityTables): FAR, building coefficient,
// admin/living land share (relaxed in parks that apply the dormitory relaxation), green
// ratio; a storey taller than the threshold counts twice in floor area. Under-used plots
// (FAR below the minimum, or output or tax per mu in the bottom share) are flagged.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geo/capacity/capacity_input.h"
#include "geo/capacity/capacity_tables.h"

namespace geo {

enum class Check : int8_t { NoData = -1, Fail = 0, Pass = 1 };

// What a run keeps of each plot: the outcome of each check, 7 bytes. The numbers behind the
// checks (PlotNumbers) are recomputed when a plot is shown or written: kept for ten million
// plots they cost 880 MB a run.
struct PlotCompliance {
    Check far_ok = Check::NoData, coefficient_ok = Check::NoData, admin_ok = Check::NoData, green_ok = Check::NoData;
    bool underused = false;
    bool low_output = false, low_tax = false;  // in the bottom share of its park's plots (inside parks)
    bool fails_any() const { return far_ok == Check::Fail || coefficient_ok == Check::Fail || admin_ok == Check::Fail || green_ok == Check::Fail; }
};

// The numbers a plot's checks compared; NaN where unknown.
struct PlotNumbers {
    double counted_floor = 0;  // floor area with tall storeys counted twice (NaN without a floor area)
    double far = 0, min_far = 0, building_coefficient = 0, admin_share = 0, green_ratio = 0;
    double admin_limit = 0;                    // the admin/living rule applied (relaxed in some parks)
    double output_per_mu = 0, tax_per_mu = 0;  // NaN outside parks
    std::string prohibited;  // buildings prohibited on industrial land, in words ("" when none)
};

// Which rule marks a plot as under-used (低效), one per project (capacity parameter
// underused_rule): the bottom share of output or tax per mu, or FAR below the industry
// minimum (the default); the lowest 亩均效益 class; a site whose status is an under-used one.
enum class UnderusedRule { BottomShare, PerformanceClass, SiteStatus };
UnderusedRule parse_underused_rule(const std::string& s);  // "bottom_share", "performance_class", "site_status"; throws geo::Error

// The rules as they apply to this input: the tables' thresholds, the parks that relax the
// admin/living rule, and the bottom-share thresholds of output and tax per mu over the plots
// inside parks (a plot at or below one is under-used).
struct ComplianceRules {
    double storey_m = 0, mu_m2 = 0, underused_share = 0;
    StandardRule coefficient, admin, admin_relaxed, green;
    std::vector<uint8_t> relaxed;  // per park
    double output_low = 0, tax_low = 0;
    UnderusedRule underused = UnderusedRule::BottomShare;
    std::vector<uint8_t> marked;   // PerformanceClass, SiteStatus: per enterprise, marked by that rule
    std::string underused_words;   // the rule in words, for every output that counts under-used plots
};

// What a plot is on the compliance map, one definition for every map, legend and layer. The
// park rules apply inside parks only; inside, a failed rule outranks under-use, which
// outranks passing: fails a rule > under-used > passes.
enum class ComplianceClass { FailsRule, Underused, Passes, OutsideParks };
ComplianceClass compliance_class(const PlotCompliance& plot, bool in_a_park);
std::string_view to_string(ComplianceClass c);  // "fails a rule", "under-used", "passes", "outside parks"

// The two-digit GB/T 4754 division of an industry code ("3411", "C3411", "C34" -> "34"); empty
// when the code has no two digits.
std::string industry_division(const std::string& code);

// Floor area as counted for FAR: twice where the storey height is above `threshold_m`.
double counted_floor_area(double floor_area, double storey_height, double threshold_m);

// Passes at the threshold: "min" needs value >= threshold, "max" value <= threshold.
Check check_rule(double value, const StandardRule& rule);

// `park_of` gives each enterprise's park (-1 outside); the bottom shares are taken over the
// enterprises inside parks. `marked` and `marked_words`: for the rules that mark plots from
// outside the model (the 亩均 class, the sites), per enterprise and the rule in words.
ComplianceRules compliance_rules(const CapacityInput& in, const CapacityTables& tables, const std::vector<int32_t>& park_of,
                                 std::vector<uint8_t> marked = {}, const std::string& marked_words = {});
std::vector<PlotCompliance> plot_compliance(const CapacityInput& in, const CapacityTables& tables, const ComplianceRules& rules,
                                            const std::vector<int32_t>& park_of);
// Plot i's numbers, as plot_compliance compared them.
PlotNumbers plot_numbers(const CapacityInput& in, const CapacityTables& tables, const ComplianceRules& rules, const std::vector<int32_t>& park_of,
                         size_t i);
// Plot i's floor area as counted for FAR (tall storeys twice); NaN without a floor area.
double counted_floor(const CapacityInput& in, const ComplianceRules& rules, size_t i);
// The division of the minimum-FAR table an enterprise's code falls in: its own two digits, or
// through the code map when the project's codes are of another edition; empty when none.
std::string table_division(const CapacityTables& tables, std::string_view code);
// The minimum FAR of an industry code's division; NaN where the table has none.
double industry_min_far(const CapacityTables& tables, std::string_view code);

// Why a plot fails or is under-used, in words: "FAR 0.52 < 0.70; green ratio 0.240 > 0.200";
// empty when it passes everything it can be checked on.
std::string compliance_reasons(const PlotCompliance& plot, const PlotNumbers& numbers, const CapacityTables& tables,
                               const ComplianceRules& rules);

}  // namespace geo
