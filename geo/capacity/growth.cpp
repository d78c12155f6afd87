#include "geo/capacity/growth.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace geo {

std::vector<ParkGrowth> growth_against_capacity(const CapacityInput& in, const CapacityResult& result, const CapacityTables& tables,
                                                std::vector<std::string>& warnings)
{
    const size_t np = result.parks.size();
    std::vector<ParkGrowth> out(np);
    if (tables.growth.empty()) return out;
    int first = tables.growth.front().base_year, last = tables.growth.front().target_year;
    for (const GrowthTarget& g : tables.growth) {
        first = std::min(first, g.base_year);
        last = std::max(last, g.target_year);
    }
    for (ParkGrowth& pg : out)
        for (int y = first + 1; y <= last; ++y) pg.years.push_back({y, 0, 0, 0});

    for (const GrowthTarget& g : tables.growth) {
        const std::string tier = g.tier == "(no tier)" ? "" : g.tier;
        // Counts, floor area and jobs of the tier: city-wide and per park.
        double n0 = 0, city_floor = 0, city_jobs = 0;
        std::vector<double> n(np, 0), floor(np, 0), jobs(np, 0);
        for (size_t i = 0; i < in.firms->xy.size(); ++i) {
            if (in.firms->tier[i] != tier) continue;
            const double counted = counted_floor(in, result.compliance, i), f = std::isnan(counted) ? 0.0 : counted;
            const double j = std::isnan(in.firms->employees[i]) ? 0.0 : in.firms->employees[i];
            n0 += 1;
            city_floor += f;
            city_jobs += j;
            if (const int32_t p = result.park_of[i]; p >= 0) {
                n[static_cast<size_t>(p)] += 1;
                floor[static_cast<size_t>(p)] += f;
                jobs[static_cast<size_t>(p)] += j;
            }
        }
        if (n0 == 0) {
            warnings.push_back("growth target for '" + g.tier + "': no enterprise of this tier today, so it cannot be shared among parks");
            continue;
        }
        const int span = g.target_year - g.base_year;
        const double rate = g.annual_rate ? *g.annual_rate : std::pow(*g.target_count / n0, 1.0 / span) - 1;
        for (size_t p = 0; p < np; ++p) {
            double share = n[p] / n0;
            if (!tables.growth_shares.empty()) {
                share = 0;
                for (const std::string& key : {result.parks[p].name, result.parks[p].code})
                    if (auto it = tables.growth_shares.find(key); !key.empty() && it != tables.growth_shares.end()) share = it->second;
            }
            if (share <= 0) continue;
            // The park's own averages for the tier, else the city's.
            const double floor_each = n[p] > 0 ? floor[p] / n[p] : city_floor / n0, jobs_each = n[p] > 0 ? jobs[p] / n[p] : city_jobs / n0;
            for (GrowthYear& y : out[p].years) {
                if (y.year <= g.base_year) continue;
                const int t = std::min(y.year, g.target_year) - g.base_year;
                const double added = n0 * (std::pow(1 + rate, t) - 1) * share;  // cumulative new enterprises of the tier
                y.new_enterprises += added;
                y.floor_m2 += added * floor_each;
                y.jobs += added * jobs_each;
            }
        }
    }
    // The first year demand passes what a factor has left; the tightest factor that year.
    for (size_t p = 0; p < np; ++p) {
        const ParkCapacity& pc = result.parks[p];
        for (const GrowthYear& y : out[p].years) {
            double worst = 0;
            std::string factor;
            for (const FactorCapacity& f : pc.factors) {
                if (!f.given) continue;
                const double left = f.factor == "floor_area" ? pc.available_floor_m2 : f.jobs_supported - pc.jobs;
                const double need = f.factor == "floor_area" ? y.floor_m2 : y.jobs;
                if (need <= left) continue;
                const double over = left > 0 ? need / left : std::numeric_limits<double>::infinity();
                if (factor.empty() || over > worst) {
                    worst = over;
                    factor = f.factor;
                }
            }
            if (!factor.empty()) {
                out[p].shortfall_year = y.year;
                out[p].short_of = factor;
                break;
            }
        }
    }
    return out;
}

}  // namespace geo
