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

std::vector<PlotCompliance> plot_compliance(const CapacityInput& in, const CapacityTables& tables, const std::vector<int32_t>& park_of)
{
    const StandardRule& storey = tables.rule("storey_height_double_count_m");
    const StandardRule& coefficient = tables.rule("building_coefficient");
    const StandardRule& admin = tables.rule("admin_living_land_share");
    const StandardRule& admin_relaxed = tables.rule("admin_living_land_share_park_relaxed");
    const StandardRule& green = tables.rule("green_ratio");
    const double mu = tables.number("mu_m2");
    const double share = tables.number("underused_bottom_share");
    std::vector<uint8_t> relaxed(in.park_name.size(), 0);
    for (const std::string& p : tables.relaxed_parks)
        if (const int32_t k = in.find_park(p); k >= 0) relaxed[static_cast<size_t>(k)] = 1;

    const size_t n = in.firms->xy.size();
    std::vector<double> output_per_mu(n, kNaN), tax_per_mu(n, kNaN);
    for (size_t i = 0; i < n; ++i)
        if (park_of[i] >= 0) {
            output_per_mu[i] = ratio(in.firms->output[i], in.firms->land_area[i] / mu);
            tax_per_mu[i] = ratio(in.firms->tax[i], in.firms->land_area[i] / mu);
        }
    const double output_low = bottom_threshold(output_per_mu, share), tax_low = bottom_threshold(tax_per_mu, share);

    std::vector<PlotCompliance> out(n);
    for (size_t i = 0; i < n; ++i) {
        PlotCompliance& c = out[i];
        const double height = std::isnan(in.firms->storey_height[i]) ? 0.0 : in.firms->storey_height[i];
        c.counted_floor = counted_floor_area(in.firms->floor_area[i], height, storey.value);
        c.far = ratio(c.counted_floor, in.firms->land_area[i]);
        const std::string code = industry_division(std::string(in.firms->code[i]));
        const auto it = tables.min_far.find(code);
        c.min_far = it == tables.min_far.end() ? kNaN : it->second;
        if (!std::isnan(c.far) && !std::isnan(c.min_far)) {
            c.far_ok = c.far >= c.min_far ? Check::Pass : Check::Fail;
        }
        c.building_coefficient = ratio(in.firms->footprint_area[i], in.firms->land_area[i]);
        c.coefficient_ok = check_rule(c.building_coefficient, coefficient);
        c.admin_share = ratio(in.firms->admin_living_area[i], in.firms->land_area[i]);
        const StandardRule& a = park_of[i] >= 0 && relaxed[static_cast<size_t>(park_of[i])] ? admin_relaxed : admin;
        c.admin_ok = check_rule(c.admin_share, a);
        c.admin_limit = a.value;
        c.green_ratio = ratio(in.firms->green_area[i], in.firms->land_area[i]);
        c.green_ok = check_rule(c.green_ratio, green);
        const bool low_output = output_per_mu[i] <= output_low, low_tax = tax_per_mu[i] <= tax_low;
        c.underused = park_of[i] >= 0 && (c.far_ok == Check::Fail || low_output || low_tax);
        c.low_output = park_of[i] >= 0 && low_output;
        c.low_tax = park_of[i] >= 0 && low_tax;
        c.output_per_mu = output_per_mu[i];
        c.tax_per_mu = tax_per_mu[i];
    }
    return out;
}

std::string compliance_reasons(const PlotCompliance& c, const CapacityTables& tables)
{
    std::string r;
    if (c.far_ok == Check::Fail) add_reason(r, "FAR %.2f < %.2f", c.far, c.min_far);
    if (c.coefficient_ok == Check::Fail) add_reason(r, "building coefficient %.2f < %.2f", c.building_coefficient, tables.rule("building_coefficient").value);
    if (c.admin_ok == Check::Fail) add_reason(r, "admin/living share %.3f > %.3f", c.admin_share, c.admin_limit);
    if (c.green_ok == Check::Fail) add_reason(r, "green ratio %.3f > %.3f", c.green_ratio, tables.rule("green_ratio").value);
    const double share = tables.number("underused_bottom_share");
    if (c.low_output) add_reason(r, "output %.1f per mu in the bottom %.0f%%", c.output_per_mu, share * 100);
    if (c.low_tax) add_reason(r, "tax %.2f per mu in the bottom %.0f%%", c.tax_per_mu, share * 100);
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
