#pragma once
// The engine behind max_coverage and min_impedance: choose which candidates to open so that
// the weighted cost of every demand's cheapest option is least, where each demand may always
// fall back on a "dummy" option of its own cost c0 (the cutoff; for coverage, 1 = uncovered,
// with every covering pair at cost 0). Greedy adding, Whitaker's fast interchange (vertex
// substitution, best swap per pass), and a Lagrangian lower bound by subgradient descent.
#include <cstdint>
#include <functional>
#include <vector>

#include "geo/allocate/allocation_problem.h"
#include "geo/core/progress.h"

namespace geo {

struct MinSumInstance {
    size_t n = 0, m = 0;
    std::vector<double> w, c0;  // per demand: weight, dummy cost
    // Rows (per demand, ascending cost) and columns (per candidate) of the same pairs.
    std::vector<uint64_t> row_off;
    std::vector<uint32_t> row_cand;
    std::vector<double> row_cost;
    std::vector<uint64_t> col_off;
    std::vector<uint32_t> col_dem;
    std::vector<double> col_cost;
    std::vector<uint8_t> required;
    bool integral = false;  // every w·c and w·c0 a whole number: bounds round up
    // Rows cut to the nearest candidates: c0 is then the least cost left out (what the search
    // counts), and when `far_pairs` is given the bound uses the pairs beyond the row instead,
    // with `bound_c0` (the true fallback: the cutoff, or infinity) as the dummy's cost.
    std::vector<uint8_t> cut;  // per demand: its row was cut (empty: none)
    std::vector<double> bound_c0;
    // Appends demand i's pairs left out of its row with cost below `limit`.
    std::function<void(size_t i, double limit, std::vector<std::pair<uint32_t, double>>& out)> far_pairs;
};

// Pairs with cost > `reach` are left out; the costs kept are `covering_cost` when set (>= 0),
// else their own.
MinSumInstance min_sum_instance(const std::vector<double>& weight, const CostTable& costs, const std::vector<uint8_t>& required,
                                double reach, double covering_cost, const std::vector<double>& c0);

class MinSumSearch {
public:
    explicit MinSumSearch(const MinSumInstance& inst);  // the required candidates open

    double value() const { return m_value; }
    const std::vector<uint8_t>& open() const { return m_open; }
    size_t opened() const { return m_opened; }  // besides the required

    double gain_of_adding(uint32_t j) const;
    void add(uint32_t j);
    void remove(uint32_t j);
    // Adds the candidate that lowers the value most (ties: the lower index); false if none can be added.
    bool add_greedy();
    // Applies the best single swap (one closed in, one open out, never a required one) if it
    // lowers the value by more than a relative 1e-12; false at a local optimum.
    bool best_swap();
    void interchange(const Progress& progress);

    // The open non-required candidates in greedy order: each the one that lowers the value most
    // given those before it (and the required ones).
    std::vector<uint32_t> ranked() const;

    // Per demand: the open candidate serving it (-1: the dummy) and its cost.
    int64_t assigned(size_t i) const { return m_f1[i] == kDummy ? -1 : static_cast<int64_t>(m_f1[i]); }
    double cost(size_t i) const { return m_b1[i]; }

private:
    static constexpr uint32_t kDummy = UINT32_MAX;
    void refresh(size_t i);
    void refresh_column(uint32_t j);
    const MinSumInstance& m;
    std::vector<uint8_t> m_open;
    std::vector<double> m_b1, m_b2;
    std::vector<uint32_t> m_f1;
    double m_value = 0;
    size_t m_opened = 0;
};

// A lower bound on the least value with `p` candidates open besides the required ones, no
// larger than `upper` (a known value). Deterministic. `starts`, when given, receives the
// relaxation's open sets at its best iterations: good places to start another search from.
double min_sum_lower_bound(const MinSumInstance& inst, size_t p, double upper, const Progress& progress, int iterations = 400,
                           std::vector<std::vector<uint8_t>>* starts = nullptr);

}  // namespace geo
