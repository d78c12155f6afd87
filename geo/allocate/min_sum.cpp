#include "geo/allocate/min_sum.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>

namespace geo {

MinSumInstance min_sum_instance(const std::vector<double>& weight, const CostTable& costs, const std::vector<uint8_t>& required,
                                double reach, double covering_cost, const std::vector<double>& c0)
{
    MinSumInstance s;
    s.n = costs.demands;
    s.m = costs.candidates;
    s.w = weight;
    s.c0 = c0;
    s.required = required;
    s.row_off.assign(s.n + 1, 0);
    std::vector<uint64_t> col_count(s.m + 1, 0);
    for (size_t i = 0; i < s.n; ++i) {
        for (size_t k = costs.begin(i); k < costs.end(i) && costs.cost[k] <= reach; ++k) {
            const double c = covering_cost >= 0 ? covering_cost : costs.cost[k];
            if (c >= c0[i]) continue;  // never better than the fallback
            s.row_cand.push_back(costs.candidate[k]);
            s.row_cost.push_back(c);
            ++col_count[costs.candidate[k] + 1];
        }
        s.row_off[i + 1] = s.row_cand.size();
    }
    std::partial_sum(col_count.begin(), col_count.end(), col_count.begin());
    s.col_off = col_count;
    s.col_dem.resize(s.row_cand.size());
    s.col_cost.resize(s.row_cand.size());
    std::vector<uint64_t> next(s.col_off.begin(), s.col_off.end() - 1);
    for (size_t i = 0; i < s.n; ++i)
        for (uint64_t k = s.row_off[i]; k < s.row_off[i + 1]; ++k) {
            const uint64_t at = next[s.row_cand[k]]++;
            s.col_dem[at] = static_cast<uint32_t>(i);
            s.col_cost[at] = s.row_cost[k];
        }
    auto whole = [](double v) { return std::isfinite(v) && std::abs(v - std::round(v)) < 1e-9 * std::max(1.0, std::abs(v)); };
    s.integral = true;
    for (size_t i = 0; i < s.n && s.integral; ++i) {
        if (!whole(s.w[i] * s.c0[i])) s.integral = false;
        for (uint64_t k = s.row_off[i]; k < s.row_off[i + 1] && s.integral; ++k) s.integral = whole(s.w[i] * s.row_cost[k]);
    }
    return s;
}

MinSumSearch::MinSumSearch(const MinSumInstance& inst) : m(inst), m_open(inst.m, 0), m_b1(inst.n), m_b2(inst.n), m_f1(inst.n, kDummy)
{
    for (size_t j = 0; j < m.m; ++j) m_open[j] = m.required[j];
    for (size_t i = 0; i < m.n; ++i) refresh(i);
    m_value = 0;
    for (size_t i = 0; i < m.n; ++i) m_value += m.w[i] * m_b1[i];
}

void MinSumSearch::refresh(size_t i)
{
    double b1 = m.c0[i], b2 = m.c0[i];
    uint32_t f1 = kDummy;
    for (uint64_t k = m.row_off[i]; k < m.row_off[i + 1]; ++k) {
        if (!m_open[m.row_cand[k]]) continue;
        if (f1 == kDummy) {
            b1 = m.row_cost[k];
            f1 = m.row_cand[k];
        } else {
            b2 = m.row_cost[k];
            break;
        }
    }
    m_b1[i] = b1;
    m_b2[i] = b2;
    m_f1[i] = f1;
}

void MinSumSearch::refresh_column(uint32_t j)
{
    for (uint64_t k = m.col_off[j]; k < m.col_off[j + 1]; ++k) {
        const size_t i = m.col_dem[k];
        m_value -= m.w[i] * m_b1[i];
        refresh(i);
        m_value += m.w[i] * m_b1[i];
    }
}

double MinSumSearch::gain_of_adding(uint32_t j) const
{
    double g = 0;
    for (uint64_t k = m.col_off[j]; k < m.col_off[j + 1]; ++k) {
        const size_t i = m.col_dem[k];
        g += m.w[i] * std::max(0.0, m_b1[i] - m.col_cost[k]);
    }
    return g;
}

void MinSumSearch::add(uint32_t j)
{
    if (m_open[j]) return;
    m_open[j] = 1;
    ++m_opened;
    refresh_column(j);
}

void MinSumSearch::remove(uint32_t j)
{
    if (!m_open[j] || m.required[j]) return;
    m_open[j] = 0;
    --m_opened;
    refresh_column(j);
}

bool MinSumSearch::add_greedy()
{
    double best = -1;
    uint32_t pick = kDummy;
    for (uint32_t j = 0; j < m.m; ++j) {
        if (m_open[j]) continue;
        const double g = gain_of_adding(j);
        if (g > best) {
            best = g;
            pick = j;
        }
    }
    if (pick == kDummy) return false;
    add(pick);
    return true;
}

bool MinSumSearch::best_swap()
{
    // Loss of closing each open facility with nothing added: its demands fall to their second best.
    std::vector<double> loss(m.m, 0.0);
    for (size_t i = 0; i < m.n; ++i)
        if (m_f1[i] != kDummy) loss[m_f1[i]] += m.w[i] * (m_b2[i] - m_b1[i]);
    std::vector<uint32_t> closable;
    for (uint32_t j = 0; j < m.m; ++j)
        if (m_open[j] && !m.required[j]) closable.push_back(j);
    if (closable.empty()) return false;
    std::vector<double> corr(m.m, 0.0);
    std::vector<uint32_t> touched;
    double best_delta = 0;
    uint32_t best_in = kDummy, best_out = kDummy;
    for (uint32_t in = 0; in < m.m; ++in) {
        if (m_open[in]) continue;
        double gain = 0;
        touched.clear();
        for (uint64_t k = m.col_off[in]; k < m.col_off[in + 1]; ++k) {
            const size_t i = m.col_dem[k];
            const double c = m.col_cost[k], b1 = m_b1[i], b2 = m_b2[i];
            if (c < b1) gain += m.w[i] * (b1 - c);
            if (m_f1[i] != kDummy && c < b2) {
                if (corr[m_f1[i]] == 0) touched.push_back(m_f1[i]);
                corr[m_f1[i]] += m.w[i] * ((std::min(b2, c) - std::min(b1, c)) - (b2 - b1));
            }
        }
        for (uint32_t out : closable) {
            const double delta = -gain + loss[out] + corr[out];
            if (delta < best_delta) {
                best_delta = delta;
                best_in = in;
                best_out = out;
            }
        }
        for (uint32_t t : touched) corr[t] = 0;
    }
    if (best_in == kDummy || best_delta >= -1e-12 * std::max(1.0, std::abs(m_value))) return false;
    m_open[best_in] = 1;
    m_open[best_out] = 0;
    refresh_column(best_in);
    refresh_column(best_out);
    return true;
}

void MinSumSearch::interchange(const Progress& progress)
{
    while (best_swap()) progress(-1, "improving by swaps");
}

std::vector<uint32_t> MinSumSearch::ranked() const
{
    MinSumSearch again(m);
    std::vector<uint32_t> chosen, order;
    for (uint32_t j = 0; j < m.m; ++j)
        if (m_open[j] && !m.required[j]) chosen.push_back(j);
    while (!chosen.empty()) {
        size_t best = 0;
        double gain = -1;
        for (size_t k = 0; k < chosen.size(); ++k) {
            const double g = again.gain_of_adding(chosen[k]);
            if (g > gain) {
                gain = g;
                best = k;
            }
        }
        order.push_back(chosen[best]);
        again.add(chosen[best]);
        chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(best));
    }
    return order;
}

double min_sum_lower_bound(const MinSumInstance& s, size_t p, double upper, const Progress& progress, int iterations,
                           std::vector<std::vector<uint8_t>>* starts)
{
    // Relax "each demand takes exactly one option" with multipliers lambda_i:
    //   L = sum_i lambda_i + sum_i min(0, w c0 - lambda_i) + sum_{j open} rho_j,
    //   rho_j = sum_{i in col j} min(0, w c_ij - lambda_i),
    // with the required candidates open and the p most negative rho_j of the others.
    std::vector<double> lambda(s.n), best_lambda;
    for (size_t i = 0; i < s.n; ++i) {
        // Start from each demand's cheapest option: a tight guess where facilities are many.
        const double cheapest = s.row_off[i] < s.row_off[i + 1] ? s.row_cost[s.row_off[i]] : s.c0[i];
        lambda[i] = s.w[i] * std::min(s.c0[i], cheapest);  // never past a cut row: no far pairs at the start
    }
    // With far pairs, cut rows reach past their last candidate: the true problem's bound.
    const bool far = s.far_pairs && !s.cut.empty();
    const std::vector<double>& c0 = far ? s.bound_c0 : s.c0;
    // Pairs past a cut row, fetched once up to a reach and kept ascending (fetched again,
    // farther, when lambda grows past it).
    std::vector<std::vector<std::pair<uint32_t, double>>> far_list(far ? s.n : 0);
    std::vector<double> far_reach(far ? s.n : 0, 0.0);
    std::span<const std::pair<uint32_t, double>> extra;
    auto beyond_row = [&](size_t i) {  // pairs of i past its row that count at lambda_i
        extra = {};
        if (!far || !s.cut[i] || !(s.w[i] > 0)) return false;
        const double limit = lambda[i] / s.w[i];
        if (limit > far_reach[i]) {
            far_reach[i] = std::max(limit * 1.5, far_reach[i] * 2);
            far_list[i].clear();
            s.far_pairs(i, far_reach[i], far_list[i]);
            std::sort(far_list[i].begin(), far_list[i].end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        }
        const auto& l = far_list[i];
        const auto end = std::lower_bound(l.begin(), l.end(), limit, [](const auto& p, double v) { return p.second < v; });
        extra = std::span<const std::pair<uint32_t, double>>(l.data(), static_cast<size_t>(end - l.begin()));
        return !extra.empty();
    };
    std::vector<double> rho(s.m);
    std::vector<uint32_t> order(s.m);
    std::vector<uint8_t> open(s.m);
    std::vector<double> g(s.n);
    double best = -std::numeric_limits<double>::infinity(), mu = 2.0;
    int since = 0;
    for (int it = 0; it < iterations; ++it) {
        if (it % 16 == 0) progress(-1, "bounding");
        double L = 0;
        for (size_t i = 0; i < s.n; ++i) L += lambda[i] + std::min(0.0, s.w[i] * c0[i] - lambda[i]);
        // By rows, ascending: only the pairs cheaper than lambda_i count, so each row stops early.
        std::fill(rho.begin(), rho.end(), 0.0);
        for (size_t i = 0; i < s.n; ++i) {
            for (uint64_t k = s.row_off[i]; k < s.row_off[i + 1]; ++k) {
                const double v = s.w[i] * s.row_cost[k] - lambda[i];
                if (v >= 0) break;
                rho[s.row_cand[k]] += v;
            }
            if (beyond_row(i))
                for (const auto& [j, c] : extra) rho[j] += s.w[i] * c - lambda[i];
        }
        std::fill(open.begin(), open.end(), 0);
        order.clear();
        for (uint32_t j = 0; j < s.m; ++j) {
            if (s.required[j]) {
                open[j] = 1;
                L += rho[j];
            } else {
                order.push_back(j);
            }
        }
        const size_t take = std::min(p, order.size());
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take), order.end(),
                          [&](uint32_t a, uint32_t b) { return rho[a] < rho[b] || (rho[a] == rho[b] && a < b); });
        for (size_t k = 0; k < take; ++k) {
            open[order[k]] = 1;
            L += rho[order[k]];
        }
        if (it == 0 || L > best + 1e-12 * std::max(1.0, std::abs(best))) {
            best = L;
            since = 0;
            if (starts && (starts->empty() || starts->back() != open)) {
                starts->push_back(open);
                if (starts->size() > 8) starts->erase(starts->begin());  // the latest (best) few
            }
        } else if (++since >= 20) {
            mu /= 2;
            since = 0;
        }
        if (mu < 1e-5 || best >= upper - 1e-9 * std::max(1.0, std::abs(upper))) break;
        // Subgradient: 1 - (options the relaxation gives each demand).
        double norm = 0;
        for (size_t i = 0; i < s.n; ++i) {
            double taken = s.w[i] * c0[i] < lambda[i] ? 1.0 : 0.0;
            for (uint64_t k = s.row_off[i]; k < s.row_off[i + 1] && s.w[i] * s.row_cost[k] < lambda[i]; ++k) taken += open[s.row_cand[k]];
            if (beyond_row(i))
                for (const auto& [j, c] : extra) taken += open[j];
            g[i] = s.w[i] > 0 ? 1.0 - taken : 0.0;
            norm += s.w[i] * g[i] * g[i];
        }
        if (norm == 0) break;  // the relaxation's answer is feasible: optimal
        const double step = mu * (upper - L) / norm;
        // Scaled by weight: every demand point's price per unit of weight (a distance) moves alike.
        for (size_t i = 0; i < s.n; ++i) lambda[i] = std::max(0.0, lambda[i] + step * s.w[i] * g[i]);
    }
    best = std::min(best, upper);
    if (s.integral && !far) best = std::ceil(best - 1e-9 * std::max(1.0, std::abs(best)));
    return std::min(best, upper);
}

}  // namespace geo
