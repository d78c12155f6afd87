#include "geo/report/display_units.h"

#include <cmath>
#include <cstdio>

#include "geo/project/settings_reader.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

// Grouped thousands with `decimals` places: 1555.04 -> "1,555.0".
std::string fixed_grouped(double v, int decimals)
{
    if (!std::isfinite(v)) return grouped(v);
    const double scale = std::pow(10.0, decimals);
    const double r = std::round(v * scale) / scale;
    std::string whole = grouped(std::trunc(r));
    if (r < 0 && std::trunc(r) == 0) whole = "-0";
    if (decimals == 0) return whole;
    char frac[32];
    std::snprintf(frac, sizeof frac, "%.*f", decimals, std::fabs(r - std::trunc(r)));
    return whole + (frac + 1);  // "0.05" -> ".05"
}

int area_decimals(AreaUnit unit)
{
    switch (unit) {
    case AreaUnit::M2: return 0;
    case AreaUnit::Ha: return 1;
    case AreaUnit::Km2: return 2;
    case AreaUnit::Mu: return 0;
    }
    return 1;
}

}  // namespace

const char* to_string(AreaUnit unit)
{
    switch (unit) {
    case AreaUnit::M2: return "m2";
    case AreaUnit::Ha: return "ha";
    case AreaUnit::Km2: return "km2";
    case AreaUnit::Mu: return "mu";
    }
    return "ha";
}

const char* to_string(MoneyUnit unit) { return unit == MoneyUnit::Yuan ? "yuan" : "wanyuan"; }

double square_metres_per(AreaUnit unit)
{
    switch (unit) {
    case AreaUnit::M2: return 1;
    case AreaUnit::Ha: return 1e4;
    case AreaUnit::Km2: return 1e6;
    case AreaUnit::Mu: return 2000.0 / 3.0;  // 1 亩 = 666.67 m² (1/15 ha)
    }
    return 1e4;
}

std::string symbol(AreaUnit unit, Language language)
{
    const bool zh = language == Language::Zh;
    switch (unit) {
    case AreaUnit::M2: return zh ? "平方米" : "m²";
    case AreaUnit::Ha: return zh ? "公顷" : "ha";
    case AreaUnit::Km2: return zh ? "平方公里" : "km²";
    case AreaUnit::Mu: return zh ? "亩" : "mu";
    }
    return "ha";
}

std::string symbol(MoneyUnit unit, Language language)
{
    if (unit == MoneyUnit::Yuan) return language == Language::Zh ? "元" : "yuan";
    return language == Language::Zh ? "万元" : "10k yuan";
}

DisplayUnits display_units(const Project& project)
{
    const SettingsReader r(project, "units");
    DisplayUnits u;
    const std::string area = r.choice("area", "ha", {"m2", "ha", "km2", "mu"});
    u.area = area == "m2" ? AreaUnit::M2 : area == "km2" ? AreaUnit::Km2 : area == "mu" ? AreaUnit::Mu : AreaUnit::Ha;
    u.money = r.choice("money", "wanyuan", {"yuan", "wanyuan"}) == "yuan" ? MoneyUnit::Yuan : MoneyUnit::Wanyuan;
    return u;
}

Json to_json(const DisplayUnits& units) { return {{"area", to_string(units.area)}, {"money", to_string(units.money)}}; }

std::string area_number(double m2, AreaUnit unit) { return fixed_grouped(m2 / square_metres_per(unit), area_decimals(unit)); }

std::string format_area(double m2, AreaUnit unit, Language language) { return area_number(m2, unit) + " " + symbol(unit, language); }

double money_in(double wanyuan, MoneyUnit unit) { return unit == MoneyUnit::Yuan ? wanyuan * 1e4 : wanyuan; }

std::string format_money(double wanyuan, MoneyUnit unit, Language language)
{
    return fixed_grouped(money_in(wanyuan, unit), unit == MoneyUnit::Yuan ? 0 : 1) + " " + symbol(unit, language);
}

}  // namespace geo
