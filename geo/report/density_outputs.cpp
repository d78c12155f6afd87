#include "geo/report/density_outputs.h"

#include <cstdio>

namespace geo {

std::map<std::string, std::string> density_metadata(const KdeResult& r, const PointSelection& sel, const PointFilter& filter,
                                                    const Crs& working, const std::string& software)
{
    char bw[64];
    std::snprintf(bw, sizeof bw, "%.3f", r.bandwidth_m);
    return {
        {"KERNEL", std::string(to_string(r.kernel))},
        {"BANDWIDTH_M", bw},
        {"BANDWIDTH_RULE", std::string(to_string(r.rule))},
        {"METHOD", std::string(to_string(r.method))},
        {"UNITS", r.units()},
        {"WEIGHT", sel.weight_field.empty() ? "count" : sel.weight_field},
        {"POINTS", std::to_string(r.points)},
        {"TOTAL_WEIGHT", std::to_string(r.total_weight)},
        {"WORKING_CRS", working.describe()},
        {"SELECTION", "cluster=" + filter.cluster + ";tier=" + filter.tier + ";industry=" + filter.industry_code + ";park=" + filter.park},
        {"SOFTWARE", software},
    };
}

}  // namespace geo
