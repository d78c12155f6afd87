#pragma once
// Growth against capacity: targets by tier (an annual rate, or a city-wide count to reach by
// a year), distributed to parks by their present share of each tier, turned into floor-area
// and job demand by year at the park's own averages for the tier, and compared with each
// park's remaining floor area and the headroom of every infrastructure factor.
#include <string>
#include <vector>

#include "geo/capacity/capacity_model.h"

namespace geo {

struct GrowthYear {
    int year = 0;
    double new_enterprises = 0, floor_m2 = 0, jobs = 0;  // cumulative since the base year
};

struct ParkGrowth {
    std::vector<GrowthYear> years;
    int shortfall_year = 0;  // 0: no shortfall within the targets' horizon
    std::string short_of;    // the factor that runs out first ("floor_area", "power_kw", ...)
};

// One entry per park. Tiers the data has none of are skipped with a warning in `warnings`.
std::vector<ParkGrowth> growth_against_capacity(const CapacityInput& in, const CapacityResult& result, const CapacityTables& tables,
                                                std::vector<std::string>& warnings);

}  // namespace geo
