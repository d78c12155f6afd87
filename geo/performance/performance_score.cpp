#include "geo/performance/performance_score.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "geo/core/error.h"

namespace geo {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double a, double b) { return std::isnan(a) || std::isnan(b) || !(b > 0) ? kNaN : a / b; }

}  // namespace

double indicator_value(const PerformanceFigures& f, const std::string& key, size_t i)
{
    const auto at = [i](const std::vector<double>& v) { return i < v.size() ? v[i] : kNaN; };  // an empty figure: nobody has it
    const double mu = at(f.land_m2) / kMuM2;
    if (key == "tax_per_mu") return ratio(at(f.tax), mu);
    if (key == "value_added_per_mu") return ratio(at(f.value_added), mu);
    if (key == "sales_per_mu") return ratio(at(f.sales), mu);
    if (key == "value_added_per_energy") return ratio(at(f.value_added), at(f.energy));
    if (key == "tax_per_energy") return ratio(at(f.tax), at(f.energy));
    if (key == "value_added_per_emission") return ratio(at(f.value_added), at(f.emissions));
    if (key == "labour_productivity") return ratio(at(f.value_added), at(f.employees));
    if (key == "rd_share") return ratio(at(f.rd), at(f.sales));
    throw Error("unknown indicator '" + key + "'");
}

std::string PerformanceScores::missing(size_t i) const
{
    std::string out;
    for (size_t j = 0; j < keys.size(); ++j)
        if (std::isnan(value[i * keys.size() + j])) out += (out.empty() ? "" : ",") + keys[j];
    return out;
}

PerformanceScores score_performance(const PerformancePreset& p, const PerformanceFigures& f)
{
    const size_t n = f.size(), k = p.indicators.size();
    PerformanceScores s;
    for (const PresetIndicator& ind : p.indicators) s.keys.push_back(ind.key);
    s.value.resize(n * k);
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < k; ++j) s.value[i * k + j] = indicator_value(f, s.keys[j], i);
    s.reference.assign(k, 0);
    s.low.assign(k, kNaN);
    s.high.assign(k, kNaN);
    for (size_t j = 0; j < k; ++j) {
        double sum = 0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
        size_t present = 0;
        for (size_t i = 0; i < n; ++i)
            if (const double v = s.value[i * k + j]; !std::isnan(v)) sum += v, ++present, lo = std::min(lo, v), hi = std::max(hi, v);
        if (p.scaling == Scaling::Benchmark) s.reference[j] = p.indicators[j].benchmark;
        if (p.scaling == Scaling::MeanMultiple) {
            if (present > 0 && sum > 0) {
                s.reference[j] = p.indicators[j].benchmark * sum / static_cast<double>(present);
            } else {  // no benchmark can be set: missing for everyone
                for (size_t i = 0; i < n; ++i) s.value[i * k + j] = kNaN;
                present = 0;
            }
        }
        if (!present)
            s.warnings.push_back("no enterprise has " + s.keys[j] + (p.scaling == Scaling::MeanMultiple ? " above 0" : "") + ": its weight is " +
                                 (p.missing == MissingRule::Redistribute ? "spread over the other indicators" : "missing, so no enterprise is scored"));
        if (p.scaling == Scaling::MinMax && present) s.low[j] = lo, s.high[j] = hi;
    }
    double total_weight = 0;
    for (const PresetIndicator& ind : p.indicators) total_weight += ind.weight;
    s.score.assign(n, kNaN);
    s.klass.assign(n, -1);
    for (size_t i = 0; i < n; ++i) {
        double sum = 0, weight = 0;
        bool complete = true;
        for (size_t j = 0; j < k; ++j) {
            const double v = s.value[i * k + j], w = p.indicators[j].weight;
            if (std::isnan(v)) {
                complete = false;
                continue;
            }
            weight += w;
            if (p.scaling == Scaling::MinMax) sum += w * (s.high[j] > s.low[j] ? 20 + 80 * (v - s.low[j]) / (s.high[j] - s.low[j]) : 100.0);
            else sum += w * v / s.reference[j];
        }
        if (weight == 0 || (!complete && p.missing == MissingRule::Unscored)) {
            ++s.unscored;
            continue;
        }
        // Benchmark scalings sum weighted points (a firm at every benchmark scores the weights'
        // sum); minmax averages 20..100 by weight. A missing indicator's weight goes to the others.
        s.score[i] = p.scaling == Scaling::MinMax ? sum / weight : sum * total_weight / weight;
        ++s.scored;
        if (!complete) ++s.spread;
    }
    // Classes.
    std::vector<size_t> order;
    for (size_t i = 0; i < n; ++i)
        if (!std::isnan(s.score[i])) order.push_back(i);
    if (p.class_rule == ClassRule::Rank) {
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return s.score[a] > s.score[b]; });
        for (size_t r = 0; r < order.size(); ++r) {
            const double share = static_cast<double>(r + 1) / static_cast<double>(order.size());
            int c = static_cast<int>(p.classes.size()) - 1;
            for (size_t q = 0; q < p.classes.size(); ++q)
                if (share <= p.classes[q].bound + 1e-12) {
                    c = static_cast<int>(q);
                    break;
                }
            s.klass[order[r]] = c;
        }
    } else {
        for (size_t i : order) {
            int c = static_cast<int>(p.classes.size()) - 1;  // the last class takes every score below the one before
            for (size_t q = 0; q + 1 < p.classes.size(); ++q)
                if (s.score[i] >= p.classes[q].bound) {
                    c = static_cast<int>(q);
                    break;
                }
            s.klass[i] = c;
        }
    }
    return s;
}

}  // namespace geo
