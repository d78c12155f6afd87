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
    if (n < 3) throw Error("hot spots need at least 3 cells");
    double sum = 0, sum2 = 0;
    for (double v : x) {
        sum += v;
        sum2 += v * v;
    }
    const double nn = static_cast<double>(n);
    const double mean = sum / nn;
    const double s = std::sqrt(std::max(0.0, sum2 / nn - mean * mean));
    if (!(s > 0)) throw Error("hot spots: every cell has the same value, so nothing stands out (Gi* is undefined)");
    HotSpots h;
    h.z.resize(n);
    h.p.resize(n);
    h.bin.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
        const std::vector<uint32_t> nb = grid.neighbours(i);
        double local = x[i];
        for (uint32_t j : nb) local += x[j];
        const double w = static_cast<double>(nb.size() + 1);  // binary weights, the cell itself included
        const double denom = s * std::sqrt((nn * w - w * w) / (nn - 1));
        h.z[i] = denom > 0 ? (local - mean * w) / denom : 0;
        h.p[i] = std::erfc(std::abs(h.z[i]) / std::sqrt(2.0));
    }
    const double levels[3] = {0.10, 0.05, 0.01};
    for (int k = 0; k < 3; ++k) {
        const double t = fdr_threshold(h.p, levels[k]);
        for (size_t i = 0; i < n; ++i)
            if (t > 0 && h.p[i] <= t) h.bin[i] = (h.z[i] > 0 ? 1 : -1) * (k + 1);
    }
    return h;
}

}  // namespace geo
