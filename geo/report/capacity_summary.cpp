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

void park_table(const CapacityRun& run, const CapacityRun* base, std::vector<std::string>& out)
{
    out.push_back("");
    out.push_back(run.scenario.empty() ? "Baseline" : "Scenario '" + run.scenario + "'");
    out.push_back(printf_text("  %s %9s %11s %9s %10s %10s  %-24s %s", pad_to_width("park", 26).c_str(), "vacant ha", "avail. m2", "jobs", "capacity", "headroom",
                "binding", base ? "capacity change" : "short of (year)"));
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
            last = std::abs(d) < 0.5 ? "-" : (d > 0 ? "+" : "") + number_text(std::round(d), 9);
        } else {
            last = g.shortfall_year ? g.short_of + " (" + std::to_string(g.shortfall_year) + ")" : "-";
        }
        const bool limited = std::isfinite(pc.capacity_jobs);
        out.push_back(printf_text("  %s %9.1f %11.0f %9.0f %10s %10s  %-24s %s", pad_to_width(pc.name, 26).c_str(), pc.vacant_m2 / 1e4, pc.available_floor_m2,
                    pc.jobs, limited ? number_text(std::round(pc.capacity_jobs), 12).c_str() : "-",
                    limited ? number_text(std::round(pc.headroom_jobs), 12).c_str() : "-", limited ? binding_text(pc.binding).c_str() : "(no factor known)",
                    last.c_str()));
    }
    if (unchanged) out.push_back(printf_text("  (%zu other parks as in the baseline)", unchanged));
}

}  // namespace

std::vector<std::string> capacity_summary(const std::vector<CapacityRun>& runs)
{
    std::vector<std::string> out;
    if (runs.empty()) return out;
    for (const CapacityRun& run : runs) park_table(run, run.scenario.empty() ? nullptr : &runs.front(), out);
    const CapacityResult& base = runs.front().result;
    size_t failing = 0, underused = 0, in_parks = 0;
    for (size_t i = 0; i < base.plots.size(); ++i)
        if (base.park_of[i] >= 0) {
            ++in_parks;
            failing += base.plots[i].fails_any();
            underused += base.plots[i].underused;
        }
    out.push_back("");
    out.push_back(printf_text("standards: %zu of %zu enterprises in parks fail at least one rule; %zu are flagged as under-used", failing, in_parks,
                         underused));
    return out;
}

}  // namespace geo
