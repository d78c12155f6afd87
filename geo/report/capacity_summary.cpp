#include "geo/report/capacity_summary.h"

#include <cmath>
#include <cstdio>

#include "geo/core/utf8.h"
#include "geo/report/csv_table.h"
#include "geo/report/text_format.h"

namespace geo {

namespace {

bool changed_nothing(const ParkCapacity& a, const ParkCapacity& b)
{
    return a.gross_m2 == b.gross_m2 && a.available_floor_m2 == b.available_floor_m2 && a.capacity_jobs == b.capacity_jobs &&
           a.binding == b.binding && a.dormitory_beds == b.dormitory_beds && a.coverage == b.coverage;
}

// `text` right-aligned in `width` terminal columns (CJK characters take two).
std::string right(const std::string& text, size_t width)
{
    const size_t w = display_width(text);
    return w >= width ? text : std::string(width - w, ' ') + text;
}

std::string factors_named(const std::vector<std::string>& factors, Language language)
{
    std::vector<std::string> names;
    for (const std::string& f : factors) names.push_back(language == Language::En ? f : Terms::standard().name("factor", f, language));
    return binding_text(names);
}

void park_table(const CapacityRun& run, const CapacityRun* base, Language language, const DisplayUnits& units, std::vector<std::string>& out)
{
    const bool zh = language == Language::Zh;
    out.push_back("");
    out.push_back(run.scenario.empty() ? (zh ? "现状" : "Baseline") : (zh ? "情景“" + run.scenario + "”" : "Scenario '" + run.scenario + "'"));
    const std::string vacant = (zh ? "空闲用地 " : "vacant ") + (zh ? symbol(units.area, language) : std::string(to_string(units.area)));
    out.push_back("  " + pad_to_width(zh ? "园区" : "park", 26) + " " + right(vacant, 13) + " " + right(zh ? "可用建筑面积 m2" : "avail. m2", 15) + " " +
                  right(zh ? "现有岗位" : "jobs", 9) + " " + right(zh ? "承载力" : "capacity", 10) + " " + right(zh ? "余量" : "headroom", 10) + "  " +
                  pad_to_width(zh ? "制约因素" : "binding", 24) + " " +
                  (base ? (zh ? "承载力变化" : "capacity change") : (zh ? "短缺（年份）" : "short of (year)")));
    size_t unchanged = 0;
    for (size_t p = 0; p < run.result.parks.size(); ++p) {
        const auto& pc = run.result.parks[p];
        const auto& g = run.growth[p];
        std::string last;
        if (base && changed_nothing(pc, base->result.parks[p])) {
            ++unchanged;
            continue;
        }
        if (base) {
            const double d = pc.capacity_jobs - base->result.parks[p].capacity_jobs;
            last = std::abs(d) < 0.5 ? "-" : signed_grouped(d);
        } else {
            last = g.shortfall_year ? factors_named({g.short_of}, language) + " (" + std::to_string(g.shortfall_year) + ")" : "-";
        }
        const bool limited = std::isfinite(pc.capacity_jobs);
        const std::string binding = limited ? factors_named(pc.binding, language) : (zh ? "（无已知因素）" : "(no factor known)");
        out.push_back("  " + pad_to_width(pc.name, 26) + " " + right(area_number(pc.vacant_m2, units.area), 13) + " " +
                      right(grouped(pc.available_floor_m2), 15) + " " + right(grouped(pc.jobs), 9) + " " +
                      right(limited ? grouped(pc.capacity_jobs) : "-", 10) + " " +
                      right(limited ? grouped(pc.headroom_jobs) : "-", 10) + "  " + pad_to_width(binding, 24) + " " + last);
    }
    if (unchanged) out.push_back(zh ? printf_text("  （另有 %zu 个园区与现状相同）", unchanged) : printf_text("  (%zu other parks as in the baseline)", unchanged));
}

}  // namespace

std::vector<std::string> capacity_summary(const std::vector<CapacityRun>& runs, Language language, const DisplayUnits& units)
{
    std::vector<std::string> out;
    if (runs.empty()) return out;
    for (const CapacityRun& run : runs) park_table(run, run.scenario.empty() ? nullptr : &runs.front(), language, units, out);
    const CapacityResult& base = runs.front().result;
    size_t failing = 0, underused = 0, in_parks = 0;
    for (size_t i = 0; i < base.plots.size(); ++i)
        if (base.park_of[i] >= 0) {
            ++in_parks;
            failing += base.plots[i].fails_any();
            underused += base.plots[i].underused;
        }
    out.push_back("");
    out.push_back(language == Language::Zh
                      ? printf_text("用地标准：园区内 %zu 家企业中有 %zu 家至少一项不达标；%zu 家为低效用地（%s）", in_parks, failing, underused,
                                    base.compliance.underused_words.c_str())
                      : printf_text("standards: %zu of %zu enterprises in parks fail at least one rule; %zu are flagged as under-used (%s)", failing,
                                    in_parks, underused, base.compliance.underused_words.c_str()));
    return out;
}

}  // namespace geo
