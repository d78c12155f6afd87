#include "geo/capacity/compliance.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace geo {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double a, double b) { return std::isnan(a) || std::isnan(b) || !(b > 0) ? kNaN : a / b; }

// The value at or below which the lowest `share` of `values` (NaN left out) lie.
double bottom_threshold(std::vector<double> values, double share)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
    const size_t k = static_cast<size_t>(std::floor(share * static_cast<double>(values.size())));
    if (k == 0) return -std::numeric_limits<double>::infinity();
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k - 1), values.end());
    return values[k - 1];
}

void add_reason(std::string& r, const char* format, double a, double b)
{
    char buf[96];
    std::snprintf(buf, sizeof buf, format, a, b);
    r += (r.empty() ? "" : "; ") + std::string(buf);
}

}  // namespace

std::string industry_division(const std::string& code)
{
    // "3411", "C3411", "C34", " 34 " all name division 34; the section letter is optional.
    size_t i = 0;
    while (i < code.size() && !(code[i] >= '0' && code[i] <= '9')) ++i;
    if (i + 1 < code.size() && code[i + 1] >= '0' && code[i + 1] <= '9') return code.substr(i, 2);
    return {};
}

double counted_floor_area(double floor_area, double storey_height, double threshold_m)
{
    return storey_height > threshold_m ? 2 * floor_area : floor_area;
}

Check check_rule(double value, const StandardRule& rule)
{
    if (std::isnan(value)) return Check::NoData;
    if (rule.comparison == "min") return value >= rule.value ? Check::Pass : Check::Fail;
    return value <= rule.value ? Check::Pass : Check::Fail;
}

double counted_floor(const CapacityInput& in, const ComplianceRules& rules, size_t i)
{
    const double height = std::isnan(in.firms->storey_height[i]) ? 0.0 : in.firms->storey_height[i];
    return counted_floor_area(in.firms->floor_area[i], height, rules.storey_m);
}

std::string table_division(const CapacityTables& tables, std::string_view code)
{
    if (tables.code_map.empty()) return industry_division(std::string(code));
    std::string digits;  // "C3411" -> "3411"
    for (char c : code)
        if (c >= '0' && c <= '9') digits += c;
        else if (!digits.empty()) break;
    for (size_t n = std::min<size_t>(4, digits.size()); n >= 2; --n)
        if (const auto it = tables.code_map.find(digits.substr(0, n)); it != tables.code_map.end()) return it->second;
    return {};
}

double industry_min_far(const CapacityTables& tables, std::string_view code)
{
    const auto it = tables.min_far.find(table_division(tables, code));
    return it == tables.min_far.end() ? kNaN : it->second;
}

namespace {

double per_mu(double value, double land_m2, double mu) { return ratio(value, land_m2 / mu); }

// One plot's checks and the numbers behind them: the one definition plot_compliance and
// plot_numbers share.
PlotCompliance evaluate_plot(const CapacityInput& in, const CapacityTables& tables, const ComplianceRules& rules, int32_t park, size_t i,
                             PlotNumbers& n)
{
    const EnterpriseData& f = *in.firms;
    PlotCompliance c;
    n.counted_floor = counted_floor(in, rules, i);
    n.far = ratio(n.counted_floor, f.land_area[i]);
    n.min_far = industry_min_far(tables, f.code[i]);
    if (!std::isnan(n.far) && !std::isnan(n.min_far)) c.far_ok = n.far >= n.min_far ? Check::Pass : Check::Fail;
    n.building_coefficient = ratio(f.footprint_area[i], f.land_area[i]);
    c.coefficient_ok = check_rule(n.building_coefficient, rules.coefficient);
    n.admin_share = ratio(f.admin_living_area[i], f.land_area[i]);
    const StandardRule& a = park >= 0 && rules.relaxed[static_cast<size_t>(park)] ? rules.admin_relaxed : rules.admin;
    c.admin_ok = check_rule(n.admin_share, a);
    n.admin_limit = a.value;
    if (const auto p = in.prohibited_buildings.find(i); p != in.prohibited_buildings.end()) {
        n.prohibited = p->second;  // the same article of the 2008 indicators: no housing, hotels, ... on the plot
        c.admin_ok = Check::Fail;
    }
    n.green_ratio = ratio(f.green_area[i], f.land_area[i]);
    c.green_ok = check_rule(n.green_ratio, rules.green);
    n.output_per_mu = park >= 0 ? per_mu(f.output[i], f.land_area[i], rules.mu_m2) : kNaN;
    n.tax_per_mu = park >= 0 ? per_mu(f.tax[i], f.land_area[i], rules.mu_m2) : kNaN;
    if (rules.underused == UnderusedRule::BottomShare) {
        const bool low_output = n.output_per_mu <= rules.output_low, low_tax = n.tax_per_mu <= rules.tax_low;
        c.underused = park >= 0 && (c.far_ok == Check::Fail || low_output || low_tax);
        c.low_output = park >= 0 && low_output;
        c.low_tax = park >= 0 && low_tax;
    } else {
        c.underused = park >= 0 && i < rules.marked.size() && rules.marked[i];
    }
    return c;
}

}  // namespace

UnderusedRule parse_underused_rule(const std::string& s)
{
    if (s == "bottom_share") return UnderusedRule::BottomShare;
    if (s == "performance_class") return UnderusedRule::PerformanceClass;
    if (s == "site_status") return UnderusedRule::SiteStatus;
    throw Error("capacity parameter underused_rule: bottom_share, performance_class (the lowest 亩均效益 class) or site_status (on an under-used site), not '" +
                s + "'");
}

ComplianceRules compliance_rules(const CapacityInput& in, const CapacityTables& tables, const std::vector<int32_t>& park_of,
                                 std::vector<uint8_t> marked, const std::string& marked_words)
{
    ComplianceRules r;
    r.underused = tables.parameters.count("underused_rule") ? parse_underused_rule(tables.parameters.at("underused_rule")) : UnderusedRule::BottomShare;
    if (r.underused == UnderusedRule::BottomShare) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "FAR below the industry minimum, or output or tax per mu in the bottom %.0f%% of the parks' plots",
                      100 * tables.number("underused_bottom_share"));
        r.underused_words = buf;
    } else {
        if (marked.size() != in.firms->xy.size())
            throw Error("capacity parameter underused_rule is " + tables.parameters.at("underused_rule") + ", but nothing marked the plots by it");
        r.marked = std::move(marked);
        r.underused_words = marked_words;
    }
    r.storey_m = tables.rule("storey_height_double_count_m").value;
    r.coefficient = tables.rule("building_coefficient");
    r.admin = tables.rule("admin_living_land_share");
    r.admin_relaxed = tables.rule("admin_living_land_share_park_relaxed");
    r.green = tables.rule("green_ratio");
    r.mu_m2 = tables.number("mu_m2");
    r.underused_share = tables.number("underused_bottom_share");
    r.relaxed.assign(in.park_name.size(), 0);
    for (const std::string& p : tables.relaxed_parks)
        if (const int32_t k = in.find_park(p); k >= 0) r.relaxed[static_cast<size_t>(k)] = 1;
    // The thresholds, one measure at a time (one vector of ten million values, not two).
    const EnterpriseData& f = *in.firms;
    const size_t n = f.xy.size();
    std::vector<double> values(n, kNaN);
    for (size_t i = 0; i < n; ++i)
        if (park_of[i] >= 0) values[i] = per_mu(f.output[i], f.land_area[i], r.mu_m2);
    r.output_low = bottom_threshold(std::move(values), r.underused_share);
    values.assign(n, kNaN);
    for (size_t i = 0; i < n; ++i)
        if (park_of[i] >= 0) values[i] = per_mu(f.tax[i], f.land_area[i], r.mu_m2);
    r.tax_low = bottom_threshold(std::move(values), r.underused_share);
    return r;
}

std::vector<PlotCompliance> plot_compliance(const CapacityInput& in, const CapacityTables& tables, const ComplianceRules& rules,
                                            const std::vector<int32_t>& park_of)
{
    const size_t n = in.firms->xy.size();
    std::vector<PlotCompliance> out(n);
    PlotNumbers numbers;
    for (size_t i = 0; i < n; ++i) out[i] = evaluate_plot(in, tables, rules, park_of[i], i, numbers);
    return out;
}

PlotNumbers plot_numbers(const CapacityInput& in, const CapacityTables& tables, const ComplianceRules& rules, const std::vector<int32_t>& park_of,
                         size_t i)
{
    PlotNumbers numbers;
    evaluate_plot(in, tables, rules, park_of[i], i, numbers);
    return numbers;
}

std::string compliance_reasons(const PlotCompliance& c, const PlotNumbers& n, const CapacityTables& tables, const ComplianceRules& rules)
{
    std::string r;
    if (c.underused && rules.underused != UnderusedRule::BottomShare) r = "under-used: " + rules.underused_words;
    if (c.far_ok == Check::Fail) add_reason(r, "FAR %.2f < %.2f", n.far, n.min_far);
    if (c.coefficient_ok == Check::Fail) add_reason(r, "building coefficient %.2f < %.2f", n.building_coefficient, tables.rule("building_coefficient").value);
    if (c.admin_ok == Check::Fail && n.admin_share > n.admin_limit) add_reason(r, "admin/living share %.3f > %.3f", n.admin_share, n.admin_limit);
    if (!n.prohibited.empty()) r += (r.empty() ? "" : "; ") + std::string("prohibited on industrial land: ") + n.prohibited;
    if (c.green_ok == Check::Fail) add_reason(r, "green ratio %.3f > %.3f", n.green_ratio, tables.rule("green_ratio").value);
    const double share = tables.number("underused_bottom_share");
    if (c.low_output) add_reason(r, "output %.1f per mu in the bottom %.0f%%", n.output_per_mu, share * 100);
    if (c.low_tax) add_reason(r, "tax %.2f per mu in the bottom %.0f%%", n.tax_per_mu, share * 100);
    return r;
}

ComplianceClass compliance_class(const PlotCompliance& plot, bool in_a_park)
{
    if (!in_a_park) return ComplianceClass::OutsideParks;
    if (plot.fails_any()) return ComplianceClass::FailsRule;
    return plot.underused ? ComplianceClass::Underused : ComplianceClass::Passes;
}

std::string_view to_string(ComplianceClass c)
{
    switch (c) {
    case ComplianceClass::FailsRule: return "fails a rule";
    case ComplianceClass::Underused: return "under-used";
    case ComplianceClass::Passes: return "passes";
    case ComplianceClass::OutsideParks: break;
    }
    return "outside parks";
}

}  // namespace geo
