#include "geo/allocate/allocate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "geo/allocate/capacitated.h"
#include "geo/allocate/min_sum.h"
#include "geo/allocate/set_cover.h"
#include "geo/core/error.h"

namespace geo {

AllocationSolver parse_solver(const std::string& s)
{
    if (s == "auto") return AllocationSolver::Auto;
    if (s == "exact") return AllocationSolver::Exact;
    if (s == "heuristic") return AllocationSolver::Heuristic;
    throw Error("unknown solver '" + s + "' (auto, exact or heuristic)");
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double relative_gap(double value, double bound)
{
    if (!std::isfinite(value) || !std::isfinite(bound)) return value == bound ? 0.0 : kInf;
    const double d = std::abs(value - bound);
    if (d <= 1e-9 * std::max(1.0, std::abs(value))) return 0.0;
    return d / std::max(std::abs(value), 1e-12);
}

bool truncated(const AllocationProblem& pr) { return !pr.costs.beyond.empty(); }

// Every demand point's cheapest open candidate and its cost (-1 and infinity: none): from its
// row, and where rows keep only the nearest candidates and none of them is open, measured
// (the problem's measure, or straight lines between its places).
std::vector<std::pair<int64_t, double>> nearest_open(const AllocationProblem& pr, const std::vector<uint8_t>& open)
{
    const CostTable& t = pr.costs;
    std::vector<std::pair<int64_t, double>> out(t.demands, {-1, kInf});
    std::vector<size_t> unsure;
    for (size_t i = 0; i < t.demands; ++i) {
        bool found = false;
        for (size_t k = t.begin(i); k < t.end(i) && !found; ++k)
            if (open[t.candidate[k]]) {
                out[i] = {t.candidate[k], t.cost[k]};
                found = true;
            }
        if (!found && truncated(pr) && std::isfinite(t.beyond[i])) unsure.push_back(i);
    }
    if (unsure.empty()) return out;
    if (pr.measure) {
        const auto measured = pr.measure(open);
        for (size_t i : unsure) out[i] = measured[i];
    } else if (!pr.candidate_xy.empty()) {
        for (size_t i : unsure)
            for (size_t j = 0; j < t.candidates; ++j)
                if (open[j]) {
                    const double c = std::hypot(pr.demand_xy[i].x - pr.candidate_xy[j].x, pr.demand_xy[i].y - pr.candidate_xy[j].y);
                    if (c < out[i].second) out[i] = {static_cast<int64_t>(j), c};
                }
    }
    return out;
}

// Each demand to its cheapest open candidate within `reach`.
void assign(const AllocationProblem& pr, double reach, AllocationResult& r)
{
    const CostTable& t = pr.costs;
    r.assigned.assign(t.demands, -1);
    r.cost.assign(t.demands, std::nan(""));
    r.served_weight = 0;
    const auto nearest = nearest_open(pr, r.open);
    for (size_t i = 0; i < t.demands; ++i) {
        const auto [j, c] = nearest[i];
        if (j < 0 || !(c <= reach)) continue;
        r.assigned[i] = j;
        r.cost[i] = c;
        r.served_weight += pr.weight[i];
    }
}

std::vector<uint32_t> unreachable(const CostTable& t, double reach)
{
    std::vector<uint32_t> out;
    for (size_t i = 0; i < t.demands; ++i)
        if (t.begin(i) == t.end(i) || !(t.cost[t.begin(i)] <= reach)) out.push_back(static_cast<uint32_t>(i));
    return out;
}

// A result begun: the problem's sense, the demand no candidate reaches within `reach`, the total weight.
AllocationResult begin_result(const AllocationProblem& pr, bool maximise, double reach)
{
    AllocationResult r;
    r.objective = pr.objective;
    r.maximise = maximise;
    r.unreachable = unreachable(pr.costs, reach);
    for (double w : pr.weight) r.total_weight += w;
    return r;
}

bool use_exact(const AllocationProblem& pr, const AllocationOptions& o, const std::string& status)
{
    if (truncated(pr)) return false;  // a MIP on the nearest candidates only would not be exact
    if (status == "optimal" && !(o.always_run_exact && o.solver == AllocationSolver::Exact)) return false;
    if (o.solver == AllocationSolver::Exact) return true;
    if (o.solver == AllocationSolver::Heuristic) return false;
    const bool per_pair = pr.objective == AllocationObjective::MinImpedance || pr.objective == AllocationObjective::MaxCapacitatedCoverage;
    return pr.costs.pairs() <= (per_pair ? o.auto_exact_pairs_impedance : o.auto_exact_pairs);
}

std::string limit_words(const MipLimits& l)
{
    std::string s = l.max_nodes > 0 ? "node limit " + std::to_string(l.max_nodes) : "no node limit";
    if (l.max_seconds > 0) s += ", time limit " + std::to_string(static_cast<long>(l.max_seconds)) + " s (the answer depends on the machine)";
    return s;
}

// Takes the exact solve's answer where it is at least as good, and its bound where tighter.
void merge_exact(const MipResult& m, const std::vector<int>& y_col, AllocationResult& r, bool maximise, bool integral_objective)
{
    r.nodes = m.nodes;
    r.method += "; exact (CBC): " + m.status + ", " + std::to_string(m.nodes) + " nodes";
    double bound = m.bound;
    if (integral_objective) bound = maximise ? std::floor(bound + 1e-9) : std::ceil(bound - 1e-9);
    r.bound = maximise ? std::min(r.bound, bound) : std::max(r.bound, bound);
    if (!m.x.empty()) {
        const bool better = maximise ? m.value > r.value + 1e-9 * std::max(1.0, std::abs(r.value))
                                     : m.value < r.value - 1e-9 * std::max(1.0, std::abs(r.value));
        if (better) {
            for (size_t j = 0; j < y_col.size(); ++j) r.open[j] = m.x[static_cast<size_t>(y_col[j])] > 0.5;
            r.value = m.value;
        }
    }
    if (m.optimal) r.bound = r.value;
    r.status = relative_gap(r.value, r.bound) == 0 ? "optimal" : m.status;
}

struct MinSumAnswer {
    std::vector<uint8_t> open;
    double value = 0, lower = 0, base = 0;
    std::vector<double> curve;  // the value with 1..p new sites
};

// Greedy adding (with swaps after each, for the gain curve, unless `large`), or swaps from
// `warm`; the Lagrangian bound; the relaxation's open sets as further starts.
MinSumAnswer min_sum_heuristic(const MinSumInstance& inst, size_t p, bool curve, bool large, const std::vector<uint8_t>* warm,
                               const Progress& progress, bool with_bound = true)
{
    MinSumAnswer a;
    progress(0, "greedy");
    MinSumSearch search(inst);
    a.base = search.value();
    if (warm) {
        for (uint32_t j = 0; j < inst.m; ++j)
            if ((*warm)[j] && !inst.required[j]) search.add(j);
        search.interchange(progress);
    } else {
        for (size_t k = 0; k < p; ++k) {
            progress(static_cast<double>(k) / static_cast<double>(p), "greedy and swaps");
            if (!search.add_greedy()) break;
            if ((curve && !large) || k + 1 == p) search.interchange(progress);
            if (curve) a.curve.push_back(search.value());
        }
    }
    a.open = search.open();
    a.value = search.value();
    if (!with_bound) return a;
    std::vector<std::vector<uint8_t>> starts;
    a.lower = min_sum_lower_bound(inst, p, search.value(), progress, 400, &starts);
    // The relaxation's open sets, completed and improved by swaps, as further starts
    // (a Lagrangian heuristic): kept when better.
    const size_t tries = large ? 2 : starts.size();
    for (size_t k = starts.size(), n = 0; k-- > 0 && n < tries && a.value > a.lower + 1e-9 * std::max(1.0, std::abs(a.lower)); ++n) {
        MinSumSearch again(inst);
        for (uint32_t j = 0; j < inst.m; ++j)
            if (starts[k][j] && !inst.required[j] && again.opened() < p) again.add(j);
        while (again.opened() < p && again.add_greedy()) {
        }
        again.interchange(progress);
        if (again.value() < a.value - 1e-12 * std::max(1.0, std::abs(a.value))) {
            a.value = again.value();
            a.open = again.open();
        }
    }
    return a;
}

// `t` with the rows of `missing` demand points (index, the cost of the site serving them)
// extended to every candidate up to that cost, measured between the problem's places.
CostTable extend_rows(const AllocationProblem& pr, const CostTable& t, const std::vector<std::pair<size_t, double>>& missing)
{
    std::vector<uint32_t> di, ci;
    std::vector<double> cost;
    std::vector<double> beyond = t.beyond;
    std::vector<uint8_t> redo(t.demands, 0);
    for (const auto& [i, d] : missing) redo[i] = 1;
    for (size_t i = 0; i < t.demands; ++i) {
        if (!redo[i])
            for (size_t k = t.begin(i); k < t.end(i); ++k) {
                di.push_back(static_cast<uint32_t>(i));
                ci.push_back(t.candidate[k]);
                cost.push_back(t.cost[k]);
            }
    }
    for (const auto& [i, d] : missing) {
        double next = kInf;
        for (size_t j = 0; j < t.candidates; ++j) {
            const double c = std::hypot(pr.demand_xy[i].x - pr.candidate_xy[j].x, pr.demand_xy[i].y - pr.candidate_xy[j].y);
            if (c <= d) {
                di.push_back(static_cast<uint32_t>(i));
                ci.push_back(static_cast<uint32_t>(j));
                cost.push_back(c);
            } else {
                next = std::min(next, c);
            }
        }
        beyond[i] = next;
    }
    CostTable out = cost_table(t.demands, t.candidates, std::move(di), std::move(ci), std::move(cost));
    out.beyond = std::move(beyond);
    return out;
}

// max_coverage and min_impedance: the min-sum engine, then CBC.
AllocationResult solve_min_sum(const AllocationProblem& pr, const AllocationOptions& o, const Progress& progress)
{
    const bool coverage = pr.objective == AllocationObjective::MaxCoverage;
    const CostTable& t = pr.costs;
    double reach = coverage ? pr.radius : (pr.cutoff > 0 ? pr.cutoff : kInf);
    AllocationResult r;
    r.objective = pr.objective;
    r.maximise = coverage;
    r.unreachable = unreachable(t, reach);
    // Without a cutoff, demand that no candidate reaches costs the same whatever is chosen:
    // it is listed and left out of the objective.
    std::vector<double> w = pr.weight;
    if (!coverage && !(pr.cutoff > 0)) {
        for (uint32_t i : r.unreachable) w[i] = 0;
        if (!r.unreachable.empty())
            r.notes.push_back(std::to_string(r.unreachable.size()) + " demand points no candidate reaches are listed and left out of the objective");
    }
    for (double v : w) r.total_weight += v;
    // Fallback costs: uncovered (1) for coverage; the cutoff, or twice the largest cost when
    // some of a demand point's pairs are missing (an imported table) and no cutoff is set.
    std::vector<double> c0(t.demands, 1.0);
    if (!coverage) {
        double largest = 0;
        for (double c : t.cost) largest = std::max(largest, c);
        const double fallback = pr.cutoff > 0 ? pr.cutoff : 2 * largest + 1;
        std::fill(c0.begin(), c0.end(), fallback);
    }
    auto objective_of = [&](double min_sum) { return coverage ? r.total_weight - min_sum : min_sum; };
    // Rows that keep only the nearest candidates may not hold the site that serves a demand
    // point in the answer (a park left without one): those rows are extended to that site
    // and the search runs again from the answer, at most three times.
    CostTable extended;
    const CostTable* table = &t;
    MinSumAnswer ans;
    bool settled = false;
    for (int round = 0;; ++round) {
        std::vector<double> fallback = c0;
        if (truncated(pr))
            for (size_t i = 0; i < t.demands; ++i) fallback[i] = std::min(c0[i], table->beyond[i]);
        MinSumInstance inst = min_sum_instance(w, *table, pr.required, reach, coverage ? 0.0 : -1.0, fallback);
        if (truncated(pr) && !coverage && !pr.candidate_xy.empty()) {
            // The bound reaches past the cut rows, between the places: the true problem's.
            inst.cut.assign(t.demands, 0);
            for (size_t i = 0; i < t.demands; ++i) inst.cut[i] = std::isfinite(table->beyond[i]);
            inst.bound_c0.assign(t.demands, pr.cutoff > 0 ? pr.cutoff : kInf);
            inst.far_pairs = [&pr, table](size_t i, double limit, std::vector<std::pair<uint32_t, double>>& out) {
                const double from = table->beyond[i];
                if (!(limit > from)) return;
                for (size_t j = 0; j < pr.candidate_xy.size(); ++j) {
                    const double c = std::hypot(pr.demand_xy[i].x - pr.candidate_xy[j].x, pr.demand_xy[i].y - pr.candidate_xy[j].y);
                    if (c < from || c >= limit) continue;
                    if (c == from) {  // a tie with the row's last: skip it if the row holds it
                        bool held = false;
                        for (size_t k = table->begin(i); k < table->end(i) && !held; ++k) held = table->candidate[k] == j;
                        if (held) continue;
                    }
                    out.emplace_back(static_cast<uint32_t>(j), c);
                }
            };
        }
        const bool large = inst.row_cand.size() > 4'000'000;
        // Cut rows: search only, until the rows hold the answer's sites; then the bound.
        const bool settle = truncated(pr) && !coverage && round < 3 && !pr.candidate_xy.empty() && !settled;
        ans = min_sum_heuristic(inst, pr.p, o.gain_curve && round == 0, large, round ? &ans.open : nullptr, progress, !settle);
        if (round == 0) {
            r.base_value = objective_of(ans.base);
            for (double v : ans.curve) r.gain_curve.push_back(objective_of(v));
        }
        if (!settle) break;
        AllocationProblem view = pr;  // the rows as they are now
        view.costs = *table;
        const auto nearest = nearest_open(view, ans.open);
        std::vector<std::pair<size_t, double>> missing;
        for (size_t i = 0; i < t.demands; ++i) {
            bool in_row = false;
            for (size_t k = table->begin(i); k < table->end(i) && !in_row; ++k) in_row = static_cast<int64_t>(table->candidate[k]) == nearest[i].first;
            if (!in_row && nearest[i].first >= 0) missing.emplace_back(i, nearest[i].second);
        }
        if (missing.empty()) {
            settled = true;  // one more round, with the bound, from this answer
            continue;
        }
        extended = extend_rows(pr, *table, missing);
        table = &extended;
    }
    r.open = ans.open;
    r.value = objective_of(ans.value);
    const double lower = ans.lower;
    if (truncated(pr) && !coverage) {
        // The answer's true cost, from the places where a row does not hold the open site.
        double exact = 0;
        const auto nearest = nearest_open(pr, r.open);
        for (size_t i = 0; i < t.demands; ++i) {
            double c = nearest[i].second;
            if (pr.cutoff > 0) c = std::min(c, pr.cutoff);
            exact += w[i] * (std::isfinite(c) ? c : c0[i]);
        }
        r.value = exact;
        r.notes.push_back("each demand point kept its " + std::to_string(t.pairs() / std::max<size_t>(1, t.demands)) +
                          " or so nearest candidates for the search (" + std::to_string(table->pairs()) + " pairs in all, rows extended "
                          "where the answer's site lay beyond them) and " +
                          (pr.candidate_xy.empty() ? std::string("for the bound (the next cost stands for the rest, so it holds for every choice of sites)")
                                                   : std::string("the bound reaches every candidate")) +
                          "; the answer's cost is measured to every open site");
    }
    // The table as given, for the exact solve and the ranking (ranked on the nearest
    // candidates where rows were cut).
    std::vector<double> c0_rows = c0;
    if (truncated(pr))
        for (size_t i = 0; i < t.demands; ++i) c0_rows[i] = std::min(c0[i], t.beyond[i]);
    const MinSumInstance inst = min_sum_instance(w, t, pr.required, reach, coverage ? 0.0 : -1.0, c0_rows);
    r.bound = objective_of(lower);
    r.method = "heuristic: greedy and Lagrangian starts, fast interchange, Lagrangian bound";
    r.status = relative_gap(r.value, r.bound) == 0 ? "optimal" : "heuristic";

    if (use_exact(pr, o, r.status)) {
        Mip mip;
        mip.maximise = coverage;
        std::vector<int> y(t.candidates);
        for (size_t j = 0; j < t.candidates; ++j) y[j] = mip.add_column(0, pr.required[j] ? 1 : 0, 1, true);
        const int count = mip.add_row(static_cast<double>(pr.p), static_cast<double>(pr.p));
        for (size_t j = 0; j < t.candidates; ++j)
            if (!pr.required[j]) mip.add_entry(count, y[j], 1);
        std::vector<double> start(y.size());
        for (size_t j = 0; j < y.size(); ++j) start[j] = r.open[j];
        for (size_t i = 0; i < inst.n; ++i) {
            const uint64_t b = inst.row_off[i], e = inst.row_off[i + 1];
            if (coverage) {
                if (b == e || w[i] == 0) continue;
                const int z = mip.add_column(w[i], 0, 1, false);
                const int row = mip.add_row(-kInf, 0);
                mip.add_entry(row, z, 1);
                bool covered = false;
                for (uint64_t k = b; k < e; ++k) {
                    mip.add_entry(row, y[inst.row_cand[k]], -1);
                    covered = covered || r.open[inst.row_cand[k]];
                }
                start.push_back(covered ? 1 : 0);
            } else {
                const int one = mip.add_row(1, 1);
                const int dummy = mip.add_column(w[i] * c0[i], 0, 1, false);
                mip.add_entry(one, dummy, 1);
                size_t best = SIZE_MAX;
                for (uint64_t k = b; k < e; ++k)
                    if (r.open[inst.row_cand[k]]) {
                        best = k;
                        break;
                    }
                start.push_back(best == SIZE_MAX ? 1 : 0);
                for (uint64_t k = b; k < e; ++k) {
                    const int x = mip.add_column(w[i] * inst.row_cost[k], 0, 1, false);
                    mip.add_entry(one, x, 1);
                    const int link = mip.add_row(-kInf, 0);
                    mip.add_entry(link, x, 1);
                    mip.add_entry(link, y[inst.row_cand[k]], -1);
                    start.push_back(k == best ? 1 : 0);
                }
            }
        }
        mip.start = std::move(start);
        const MipResult m = solve_mip(mip, o.limits, progress);
        merge_exact(m, y, r, coverage, inst.integral);
        r.method += " (" + limit_words(o.limits) + ")";
    }
    r.gap = relative_gap(r.value, r.bound);
    // The chosen sites in rank order, from the final open set.
    MinSumSearch final_search(inst);
    for (size_t j = 0; j < t.candidates; ++j)
        if (r.open[j]) final_search.add(static_cast<uint32_t>(j));
    r.chosen = final_search.ranked();
    if (o.gain_curve && !r.gain_curve.empty()) r.gain_curve.back() = r.value;
    assign(pr, reach, r);
    return r;
}

AllocationResult solve_cover(const AllocationProblem& pr, const AllocationOptions& o, const Progress& progress)
{
    const CostTable& t = pr.costs;
    AllocationResult r = begin_result(pr, false, pr.radius);
    if (!r.unreachable.empty())
        r.notes.push_back(std::to_string(r.unreachable.size()) + " demand points are beyond the radius of every candidate: listed, and left out");
    const CoverSolution s = greedy_cover(pr.weight, t, pr.required, pr.radius, pr.target_share, progress);
    r.open = pr.required;
    for (uint32_t j : s.chosen) r.open[j] = 1;
    r.value = static_cast<double>(s.chosen.size());
    r.bound = static_cast<double>(s.lower_bound);
    r.method = pr.target_share >= 1 ? "heuristic: greedy cover, redundant sites dropped, Lagrangian bound"
                                      : "heuristic: greedy cover, redundant sites dropped, bound by the largest coverages";
    r.status = r.value == r.bound ? "optimal" : "heuristic";
    std::vector<uint32_t> greedy_order = s.chosen;
    if (use_exact(pr, o, r.status)) {
        Mip mip;
        std::vector<int> y(t.candidates);
        for (size_t j = 0; j < t.candidates; ++j) y[j] = mip.add_column(pr.required[j] ? 0 : 1, pr.required[j] ? 1 : 0, 1, true);
        std::vector<double> start(y.size());
        for (size_t j = 0; j < y.size(); ++j) start[j] = r.open[j];
        const bool full = pr.target_share >= 1;
        int target_row = -1;
        if (!full) target_row = mip.add_row(pr.target_share * s.coverable_weight - 1e-9 * std::max(1.0, s.coverable_weight), kInf);
        for (size_t i = 0; i < t.demands; ++i) {
            if (t.begin(i) == t.end(i) || !(t.cost[t.begin(i)] <= pr.radius)) continue;
            int z = -1;
            if (!full) {
                if (pr.weight[i] == 0) continue;
                z = mip.add_column(0, 0, 1, false);
                mip.add_entry(target_row, z, pr.weight[i]);
            }
            const int row = full ? mip.add_row(1, kInf) : mip.add_row(-kInf, 0);
            if (!full) mip.add_entry(row, z, 1);
            bool covered = false;
            for (size_t k = t.begin(i); k < t.end(i) && t.cost[k] <= pr.radius; ++k) {
                mip.add_entry(row, y[t.candidate[k]], full ? 1 : -1);
                covered = covered || r.open[t.candidate[k]];
            }
            if (!full) start.push_back(covered ? 1 : 0);
        }
        mip.start = std::move(start);
        const MipResult m = solve_mip(mip, o.limits, progress);
        const std::vector<uint8_t> before = r.open;
        merge_exact(m, y, r, false, true);
        r.method += " (" + limit_words(o.limits) + ")";
        if (r.open != before) greedy_order.clear();
    }
    r.gap = relative_gap(r.value, r.bound);
    // Rank: each site covering the most weight given those before it.
    MinSumInstance inst = min_sum_instance(pr.weight, t, pr.required, pr.radius, 0.0, std::vector<double>(t.demands, 1.0));
    MinSumSearch rank(inst);
    for (size_t j = 0; j < t.candidates; ++j)
        if (r.open[j]) rank.add(static_cast<uint32_t>(j));
    r.chosen = rank.ranked();
    r.base_value = 0;
    if (o.gain_curve) {
        MinSumSearch curve(inst);
        for (uint32_t j : r.chosen) {
            curve.add(j);
            r.gain_curve.push_back(r.total_weight - curve.value());
        }
    }
    assign(pr, pr.radius, r);
    return r;
}

AllocationResult solve_center(const AllocationProblem& pr, const AllocationOptions& o, const Progress& progress)
{
    const CostTable& t = pr.costs;
    AllocationResult r = begin_result(pr, false, kInf);
    if (!r.unreachable.empty())
        r.notes.push_back(std::to_string(r.unreachable.size()) + " demand points have no candidate in the cost table: listed, and left out");
    const CenterSolution c = greedy_center(pr.weight, t, pr.required, pr.p, progress);
    r.open = pr.required;
    for (uint32_t j : c.chosen) r.open[j] = 1;
    r.value = c.radius;
    r.bound = c.lower_bound;
    if (truncated(pr)) {  // measured to every open site
        r.value = 0;
        const auto nearest = nearest_open(pr, r.open);
        for (size_t i = 0; i < t.demands; ++i)
            if (pr.weight[i] > 0 && t.begin(i) < t.end(i)) r.value = std::max(r.value, nearest[i].second);
    }
    r.method = "heuristic: least radius the greedy covers with p sites, bound by Lagrangian covers";
    r.status = relative_gap(r.value, r.bound) == 0 ? "optimal" : "heuristic";
    if (use_exact(pr, o, r.status)) {
        // Exactly: the least radius whose cover needs at most p new sites, by bisection over
        // the distinct costs between the bound and the heuristic's radius.
        const std::vector<double> radii = distinct_costs(t);
        size_t lo = static_cast<size_t>(std::lower_bound(radii.begin(), radii.end(), r.bound) - radii.begin());
        size_t hi = static_cast<size_t>(std::lower_bound(radii.begin(), radii.end(), r.value) - radii.begin());
        bool all_proven = true;
        long nodes = 0;
        std::vector<uint8_t> best_open = r.open;
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            AllocationProblem cover = pr;
            cover.objective = AllocationObjective::MinFacilities;
            cover.radius = radii[mid];
            cover.target_share = 1;
            AllocationOptions exact = o;
            exact.solver = AllocationSolver::Exact;
            exact.gain_curve = false;
            const AllocationResult s = solve_cover(cover, exact, progress);
            nodes += s.nodes;
            // Demand (with weight) that this radius cannot reach at all: infeasible.
            bool reachable = true;
            for (size_t i = 0; i < t.demands && reachable; ++i)
                if (pr.weight[i] > 0 && t.begin(i) < t.end(i) && !(t.cost[t.begin(i)] <= radii[mid])) reachable = false;
            if (reachable && s.value <= static_cast<double>(pr.p)) {
                hi = mid;
                best_open = s.open;
            } else if (!reachable || s.bound > static_cast<double>(pr.p)) {
                lo = mid + 1;
            } else {
                all_proven = false;  // a limited solve could not decide: stop where we are
                break;
            }
        }
        r.nodes = nodes;
        // Fill up to p new sites with the heuristic's other choices (the radius cannot grow).
        size_t opened = 0;
        for (size_t j = 0; j < t.candidates; ++j) opened += best_open[j] && !pr.required[j];
        for (uint32_t j : c.chosen)
            if (opened < pr.p && !best_open[j]) {
                best_open[j] = 1;
                ++opened;
            }
        r.open = best_open;
        double worst = 0;
        for (size_t i = 0; i < t.demands; ++i) {
            if (!(pr.weight[i] > 0) || t.begin(i) == t.end(i)) continue;
            double d = kInf;
            for (size_t k = t.begin(i); k < t.end(i); ++k)
                if (r.open[t.candidate[k]]) {
                    d = t.cost[k];
                    break;
                }
            worst = std::max(worst, d);
        }
        r.value = worst;
        if (all_proven) r.bound = r.value;
        else r.bound = std::max(r.bound, radii[lo]);
        r.method += "; exact: bisection over radii with covers by CBC (" + limit_words(o.limits) + ")";
        r.status = relative_gap(r.value, r.bound) == 0 ? "optimal" : "node limit";
    }
    r.gap = relative_gap(r.value, r.bound);
    r.chosen.clear();
    for (uint32_t j : c.chosen)
        if (r.open[j]) r.chosen.push_back(j);
    for (size_t j = 0; j < t.candidates; ++j)
        if (r.open[j] && !pr.required[j] && std::find(r.chosen.begin(), r.chosen.end(), j) == r.chosen.end()) r.chosen.push_back(static_cast<uint32_t>(j));
    assign(pr, kInf, r);
    return r;
}

AllocationResult solve_capacitated(const AllocationProblem& pr, const AllocationOptions& o, const Progress& progress)
{
    const CostTable& t = pr.costs;
    AllocationResult r = begin_result(pr, true, pr.radius);
    const CapacitatedAnswer g = capacitated_greedy(pr, progress);
    r.base_value = g.base;
    r.open = g.open;
    // The greedy set's served weight, exactly (its best assignment), and the LP bound.
    const MipLimits lp_limits{0, 0};
    const MipResult fixed = solve_mip(capacitated_mip(pr, &r.open, false), lp_limits, progress);
    r.value = fixed.value;
    double reachable = 0;
    for (size_t i = 0; i < t.demands; ++i)
        if (t.begin(i) < t.end(i) && t.cost[t.begin(i)] <= pr.radius) reachable += pr.weight[i];
    // The LP relaxation where it is small enough, else a bound without an LP.
    const MipResult base = solve_mip(capacitated_mip(pr, &pr.required, false), lp_limits, progress);
    r.bound = capacitated_simple_bound(pr, base.value);
    r.method = "heuristic: greedy by residual demand, best assignment by LP, ";
    if (pr.costs.pairs() <= o.auto_exact_pairs_impedance) {
        const MipResult relaxed = solve_mip(capacitated_mip(pr, nullptr, true), lp_limits, progress);
        if (relaxed.optimal) r.bound = std::min({r.bound, reachable, relaxed.value});
        r.method += "LP bound";
    } else {
        r.method += "bound by the capacity and reach of the best p sites";
    }
    r.bound = std::max(r.bound, r.value);
    r.status = relative_gap(r.value, r.bound) == 0 ? "optimal" : "heuristic";
    std::vector<double> x = fixed.x;
    if (use_exact(pr, o, r.status)) {
        Mip mip = capacitated_mip(pr, nullptr, false);
        mip.start = fixed.x;
        const MipResult m = solve_mip(mip, o.limits, progress);
        std::vector<int> y(t.candidates);
        std::iota(y.begin(), y.end(), 0);
        const double before = r.value;
        merge_exact(m, y, r, true, false);
        if (r.value > before && !m.x.empty()) x = m.x;
        r.method += " (" + limit_words(o.limits) + ")";
    }
    r.gap = relative_gap(r.value, r.bound);
    // Each demand point to the site serving most of it; the served weight may be split.
    const CapacitatedFlow flow = capacitated_flow(pr, x);
    r.assigned = flow.main_site;
    r.cost = flow.main_cost;
    r.served_weight = std::accumulate(flow.served.begin(), flow.served.end(), 0.0);
    // Rank: the weight each new site serves, most first.
    std::vector<double> by_site(t.candidates, 0.0);
    size_t col = t.candidates;
    for (size_t i = 0; i < t.demands; ++i)
        for (size_t k = t.begin(i); k < t.end(i) && t.cost[k] <= pr.radius; ++k, ++col) by_site[t.candidate[k]] += col < x.size() ? x[col] : 0.0;
    for (size_t j = 0; j < t.candidates; ++j)
        if (r.open[j] && !pr.required[j]) r.chosen.push_back(static_cast<uint32_t>(j));
    std::stable_sort(r.chosen.begin(), r.chosen.end(), [&](uint32_t a, uint32_t b) { return by_site[a] > by_site[b]; });
    r.site_served = std::move(by_site);
    if (o.gain_curve) {
        r.gain_curve = g.curve;
        if (!r.gain_curve.empty()) r.gain_curve.back() = r.value;
    }
    if (!r.unreachable.empty())
        r.notes.push_back(std::to_string(r.unreachable.size()) + " demand points are beyond the radius of every candidate: left out");
    return r;
}

}  // namespace

AllocationResult allocate(const AllocationProblem& problem, const AllocationOptions& options, const Progress& progress)
{
    check_problem(problem);
    switch (problem.objective) {
    case AllocationObjective::MaxCoverage:
    case AllocationObjective::MinImpedance: return solve_min_sum(problem, options, progress);
    case AllocationObjective::MinFacilities: return solve_cover(problem, options, progress);
    case AllocationObjective::MinMaxDistance: return solve_center(problem, options, progress);
    case AllocationObjective::MaxCapacitatedCoverage: return solve_capacitated(problem, options, progress);
    }
    throw Error("allocation: unknown problem");
}

}  // namespace geo
