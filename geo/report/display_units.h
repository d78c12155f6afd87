#pragma once
// The units a project's figures are shown in, a project setting (analysis.units:
// {"area": "m2" | "ha" | "km2" | "mu", "money": "yuan" | "wanyuan"}), applied alike by the
// GUI, the command line's tables and the reports; and the one place such a figure is
// formatted (thousands separators, decimals that suit the unit, the unit's symbol in the
// interface language). Values are computed in m² and 万元 (the data's unit) throughout.
#include <string>

#include "geo/project/project.h"
#include "geo/project/terms.h"

namespace geo {

enum class AreaUnit { M2, Ha, Km2, Mu };
enum class MoneyUnit { Yuan, Wanyuan };

struct DisplayUnits {
    AreaUnit area = AreaUnit::Ha;
    MoneyUnit money = MoneyUnit::Wanyuan;
    bool operator==(const DisplayUnits&) const = default;
};

// From analysis.units of the project (absent: ha and 万元). Throws geo::Error naming the key
// ("analysis.units.area: must be one of m2, ha, km2, mu, not 'acre'").
DisplayUnits display_units(const Project& project);
Json to_json(const DisplayUnits& units);

const char* to_string(AreaUnit unit);   // "m2", "ha", "km2", "mu"
const char* to_string(MoneyUnit unit);  // "yuan", "wanyuan"
double square_metres_per(AreaUnit unit);  // 1, 10,000, 1,000,000, 666.67 (2000/3)
// "m²", "ha", "km²", "亩" in English; "平方米", "公顷", "平方公里", "亩" in Chinese; "元" / "万元".
std::string symbol(AreaUnit unit, Language language);
std::string symbol(MoneyUnit unit, Language language);

// An area given in m², in `unit` with its symbol: "1,555.0 ha", "23,325 亩", "15.55 km²".
std::string format_area(double m2, AreaUnit unit, Language language);
// The number alone, in `unit` (for table cells under a header that names the unit).
std::string area_number(double m2, AreaUnit unit);
// Money given in 万元, in `unit`: "880.5 万元", "8,805,000 元".
std::string format_money(double wanyuan, MoneyUnit unit, Language language);
double money_in(double wanyuan, MoneyUnit unit);

}  // namespace geo
