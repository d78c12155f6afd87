#include "geo/cluster/hot_spots.h"

#include <algorithm>
#include <cmath>

#include "geo/core/error.h"

namespace geo {

double fdr_threshold(std::vector<double> p, double q)
{
    std::sort(p.begin(), p.end());
    const double n = static_cast<double>(p.size());
    double threshold = 0;
    for (size_t k = 0; k < p.size(); ++k)
        if (p[k] <= static_cast<double>(k + 1) / n * q) threshold = p[k];
    return threshold;
}

HotSpots getis_ord_gi_star(const CellGrid& grid, const std::vector<double>& x)
{
    const size_t n = x.size();
    if (n != grid.size()) throw Error("hot spots: one value per cell is needed");
    size_t studied = 0;
    double sum = 0, sum2 = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!grid.studied(i)) continue;
        ++studied;
        sum += x[i];
        sum2 += x[i] * x[i];
    }
    if (studied < 3) throw Error("hot spots need at least 3 cells in the study area");
    const double nn = static_cast<double>(studied);
    const double mean = sum / nn;
    const double s = std::sqrt(std::max(0.0, sum2 / nn - mean * mean));
    if (!(s > 0)) throw Error("hot spots: every cell has the same value, so nothing stands out (Gi* is undefined)");
    HotSpots h;
    h.z.assign(n, 0.0);
    h.p.assign(n, 1.0);
    h.bin.assign(n, 0);
    std::vector<double> studied_p;
    for (size_t i = 0; i < n; ++i) {
        if (!grid.studied(i)) continue;
        double local = x[i];
        size_t neighbours = 0;
        for (uint32_t j : grid.neighbours(i))
            if (grid.studied(j)) {
                local += x[j];
                ++neighbours;
            }
        const double w = static_cast<double>(neighbours + 1);  // binary weights, the cell itself included
        const double denom = s * std::sqrt((nn * w - w * w) / (nn - 1));
        h.z[i] = denom > 0 ? (local - mean * w) / denom : 0;
        h.p[i] = std::erfc(std::abs(h.z[i]) / std::sqrt(2.0));
        studied_p.push_back(h.p[i]);
    }
    const double levels[3] = {0.10, 0.05, 0.01};
    for (int k = 0; k < 3; ++k) {
        const double t = fdr_threshold(studied_p, levels[k]);
        for (size_t i = 0; i < n; ++i)
            if (grid.studied(i) && t > 0 && h.p[i] <= t) h.bin[i] = (h.z[i] > 0 ? 1 : -1) * (k + 1);
    }
    return h;
}

}  // namespace geo
