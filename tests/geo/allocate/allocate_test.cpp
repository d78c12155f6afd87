// Every allocation problem against brute-force enumeration on small random instances: the
// exact solve finds the optimum, the heuristic's answer and its bound bracket it in the
// problem's sense, required sites stay open, and the same input gives the same answer.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "geo/allocate/allocate.h"
#include "geo/core/error.h"

namespace {

const double kInf = std::numeric_limits<double>::infinity();

struct Instance {
    std::vector<geo::Point2> demand, sites;
    std::vector<double> weight;
    std::vector<uint8_t> required;
};

Instance random_instance(unsigned seed, size_t n, size_t m, size_t required)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> xy(0, 1000);
    std::uniform_int_distribution<int> w(1, 20);
    Instance in;
    for (size_t i = 0; i < n; ++i) {
        in.demand.push_back({xy(rng), xy(rng)});
        in.weight.push_back(w(rng));
    }
    for (size_t j = 0; j < m; ++j) in.sites.push_back({xy(rng), xy(rng)});
    in.required.assign(m, 0);
    for (size_t j = 0; j < required; ++j) in.required[j * 3] = 1;
    return in;
}

double dist(geo::Point2 a, geo::Point2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Calls `visit` with every set of `p` open sites (the required ones plus p others).
void each_choice(const Instance& in, size_t p, const std::function<void(const std::vector<uint8_t>&)>& visit)
{
    std::vector<size_t> free;
    for (size_t j = 0; j < in.sites.size(); ++j)
        if (!in.required[j]) free.push_back(j);
    std::vector<uint8_t> pick(free.size(), 0);
    std::fill(pick.end() - static_cast<std::ptrdiff_t>(p), pick.end(), 1);
    do {
        std::vector<uint8_t> open = in.required;
        for (size_t k = 0; k < free.size(); ++k)
            if (pick[k]) open[free[k]] = 1;
        visit(open);
    } while (std::next_permutation(pick.begin(), pick.end()));
}

double nearest(const Instance& in, const std::vector<uint8_t>& open, size_t i)
{
    double d = kInf;
    for (size_t j = 0; j < in.sites.size(); ++j)
        if (open[j]) d = std::min(d, dist(in.demand[i], in.sites[j]));
    return d;
}

geo::AllocationProblem problem(const Instance& in, geo::AllocationObjective o, size_t p, double reach)
{
    geo::AllocationProblem pr;
    pr.objective = o;
    pr.weight = in.weight;
    pr.required = in.required;
    pr.costs = geo::straight_line_costs(in.demand, in.sites, reach);
    pr.p = p;
    return pr;
}

geo::AllocationResult solve(const geo::AllocationProblem& pr, geo::AllocationSolver s)
{
    geo::AllocationOptions o;
    o.solver = s;
    o.always_run_exact = true;  // CBC runs even where the heuristic's bound proves its answer
    return geo::allocate(pr, o);
}

void required_kept(const Instance& in, const geo::AllocationResult& r)
{
    for (size_t j = 0; j < in.sites.size(); ++j)
        if (in.required[j]) CHECK(r.open[j] == 1);
}

}  // namespace

TEST_CASE("max coverage: exact equals brute force; the heuristic's covered weight is at most the optimum, its bound at least")
{
    for (unsigned seed = 1; seed <= 12; ++seed) {
        CAPTURE(seed);
        const Instance in = random_instance(seed, 40, 14, seed % 3);
        const double radius = 250;
        const size_t p = 3;
        double best = 0;
        each_choice(in, p, [&](const std::vector<uint8_t>& open) {
            double covered = 0;
            for (size_t i = 0; i < in.demand.size(); ++i)
                if (nearest(in, open, i) <= radius) covered += in.weight[i];
            best = std::max(best, covered);
        });
        auto pr = problem(in, geo::AllocationObjective::MaxCoverage, p, radius);
        pr.radius = radius;
        const auto exact = solve(pr, geo::AllocationSolver::Exact);
        CHECK(exact.value == doctest::Approx(best));
        CHECK(exact.status == "optimal");
        CHECK(exact.gap == 0);
        CHECK(exact.method.find("exact (CBC): optimal") != std::string::npos);
        const auto h = solve(pr, geo::AllocationSolver::Heuristic);
        CHECK(h.value <= best + 1e-9);
        CHECK(h.bound >= best - 1e-9);
        CHECK(h.gap < 0.25);  // a bound that says something
        CHECK(h.chosen.size() == p);
        required_kept(in, exact);
        required_kept(in, h);
        // The served weight is the covered weight, and the gain curve ends at the answer.
        CHECK(exact.served_weight == doctest::Approx(exact.value));
        REQUIRE(h.gain_curve.size() == p);
        CHECK(h.gain_curve.back() == doctest::Approx(h.value));
        for (size_t k = 1; k < p; ++k) CHECK(h.gain_curve[k] >= h.gain_curve[k - 1] - 1e-9);
    }
}

TEST_CASE("min impedance (p-median), with and without a cutoff: exact equals brute force, the heuristic between its bound and above")
{
    for (unsigned seed = 1; seed <= 10; ++seed) {
        for (const double cutoff : {0.0, 300.0}) {
            CAPTURE(seed);
            CAPTURE(cutoff);
            const Instance in = random_instance(100 + seed, 35, 12, seed % 2);
            const size_t p = 3;
            double best = kInf;
            each_choice(in, p, [&](const std::vector<uint8_t>& open) {
                double total = 0;
                for (size_t i = 0; i < in.demand.size(); ++i) {
                    const double d = nearest(in, open, i);
                    total += in.weight[i] * (cutoff > 0 ? std::min(d, cutoff) : d);
                }
                best = std::min(best, total);
            });
            auto pr = problem(in, geo::AllocationObjective::MinImpedance, p, cutoff > 0 ? cutoff : kInf);
            pr.cutoff = cutoff;
            const auto exact = solve(pr, geo::AllocationSolver::Exact);
            CHECK(exact.value == doctest::Approx(best).epsilon(1e-9));
            CHECK(exact.method.find("exact (CBC): optimal") != std::string::npos);
            const auto h = solve(pr, geo::AllocationSolver::Heuristic);
            CHECK(h.value >= best * (1 - 1e-12));
            CHECK(h.bound <= best * (1 + 1e-12));
            CHECK(h.gap < 0.25);
            required_kept(in, h);
            // Demand beyond the cutoff is unallocated.
            for (size_t i = 0; i < in.demand.size(); ++i)
                if (exact.assigned[i] < 0) CHECK((cutoff > 0 && nearest(in, exact.open, i) > cutoff));
        }
    }
}

TEST_CASE("min facilities (LSCP): exact equals the fewest by enumeration, unreachable demand listed and left out")
{
    for (unsigned seed = 1; seed <= 10; ++seed) {
        CAPTURE(seed);
        Instance in = random_instance(200 + seed, 30, 12, seed % 2);
        in.demand.push_back({5000, 5000});  // far from every site
        in.weight.push_back(7);
        const double radius = 350;
        // Brute force: the least k of new sites covering every demand some site reaches.
        size_t fewest = SIZE_MAX;
        const size_t free = static_cast<size_t>(std::count(in.required.begin(), in.required.end(), 0));
        for (size_t k = 0; k <= free && fewest == SIZE_MAX; ++k)
            each_choice(in, k, [&](const std::vector<uint8_t>& open) {
                for (size_t i = 0; i < in.demand.size(); ++i) {
                    bool reachable = false;
                    for (const auto& s : in.sites) reachable = reachable || dist(in.demand[i], s) <= radius;
                    if (reachable && nearest(in, open, i) > radius) return;
                }
                fewest = std::min(fewest, k);
            });
        auto pr = problem(in, geo::AllocationObjective::MinFacilities, 0, radius);
        pr.radius = radius;
        const auto exact = solve(pr, geo::AllocationSolver::Exact);
        CHECK(exact.value == static_cast<double>(fewest));
        CHECK(exact.chosen.size() == fewest);
        CHECK(exact.method.find("exact (CBC): optimal") != std::string::npos);
        REQUIRE(!exact.unreachable.empty());
        CHECK(exact.unreachable.back() == in.demand.size() - 1);
        const auto h = solve(pr, geo::AllocationSolver::Heuristic);
        CHECK(h.value >= static_cast<double>(fewest));
        CHECK(h.bound <= static_cast<double>(fewest));
        required_kept(in, h);
    }
}

TEST_CASE("min facilities for a share of the weight: the fewest sites reaching it")
{
    const Instance in = random_instance(300, 30, 10, 0);
    const double radius = 300, share = 0.6;
    double reachable = 0;
    for (size_t i = 0; i < in.demand.size(); ++i) {
        bool r = false;
        for (const auto& s : in.sites) r = r || dist(in.demand[i], s) <= radius;
        reachable += r ? in.weight[i] : 0;
    }
    size_t fewest = SIZE_MAX;
    for (size_t k = 0; k <= in.sites.size() && fewest == SIZE_MAX; ++k)
        each_choice(in, k, [&](const std::vector<uint8_t>& open) {
            double covered = 0;
            for (size_t i = 0; i < in.demand.size(); ++i)
                if (nearest(in, open, i) <= radius) covered += in.weight[i];
            if (covered >= share * reachable - 1e-9) fewest = std::min(fewest, k);
        });
    auto pr = problem(in, geo::AllocationObjective::MinFacilities, 0, radius);
    pr.radius = radius;
    pr.target_share = share;
    const auto exact = solve(pr, geo::AllocationSolver::Exact);
    CHECK(exact.value == static_cast<double>(fewest));
    CHECK(exact.served_weight >= share * reachable - 1e-9);
    const auto h = solve(pr, geo::AllocationSolver::Heuristic);
    CHECK(h.bound <= static_cast<double>(fewest));
    CHECK(h.value >= static_cast<double>(fewest));
}

TEST_CASE("min max distance (p-center): exact equals brute force, the heuristic's radius and bound bracket it")
{
    for (unsigned seed = 1; seed <= 8; ++seed) {
        CAPTURE(seed);
        const Instance in = random_instance(400 + seed, 30, 11, seed % 2);
        const size_t p = 3;
        double best = kInf;
        each_choice(in, p, [&](const std::vector<uint8_t>& open) {
            double worst = 0;
            for (size_t i = 0; i < in.demand.size(); ++i) worst = std::max(worst, nearest(in, open, i));
            best = std::min(best, worst);
        });
        const auto pr = problem(in, geo::AllocationObjective::MinMaxDistance, p, kInf);
        const auto exact = solve(pr, geo::AllocationSolver::Exact);
        CHECK(exact.value == doctest::Approx(best));
        CHECK(exact.status == "optimal");
        const auto h = solve(pr, geo::AllocationSolver::Heuristic);
        CHECK(h.value >= best - 1e-9);
        CHECK(h.bound <= best + 1e-9);
        CHECK(h.bound > 0);
        CHECK(h.chosen.size() == p);
        required_kept(in, h);
    }
}

TEST_CASE("allocation: the same input gives the same answer; bad problems are named")
{
    const Instance in = random_instance(7, 200, 40, 2);
    auto pr = problem(in, geo::AllocationObjective::MinImpedance, 5, kInf);
    const auto a = solve(pr, geo::AllocationSolver::Heuristic), b = solve(pr, geo::AllocationSolver::Heuristic);
    CHECK(a.chosen == b.chosen);
    CHECK(a.value == b.value);
    CHECK(a.bound == b.bound);

    auto error_of = [](const geo::AllocationProblem& p) {
        try {
            geo::allocate(p);
        } catch (const geo::Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    auto big = pr;
    big.p = 39;
    CHECK(error_of(big).find("p = 39 is more than the 38 candidate sites that can be opened") != std::string::npos);
    auto zero = pr;
    std::fill(zero.weight.begin(), zero.weight.end(), 0.0);
    CHECK(error_of(zero).find("total weight is zero") != std::string::npos);
    auto negative = pr;
    negative.weight[3] = -1;
    CHECK(error_of(negative).find("demand point 3 has a negative or non-finite weight") != std::string::npos);
    auto no_radius = pr;
    no_radius.objective = geo::AllocationObjective::MaxCoverage;
    CHECK(error_of(no_radius).find("the radius must be > 0") != std::string::npos);
    CHECK_THROWS_WITH_AS(geo::cost_table(2, 2, {0, 0}, {1, 1}, {5, 6}), doctest::Contains("demand 0 has a candidate given twice"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::cost_table(2, 2, {0}, {3}, {5}), doctest::Contains("candidate index 3 out of range"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::cost_table(2, 2, {0}, {1}, {-5}), doctest::Contains("negative"), geo::Error);
}

TEST_CASE("rows that keep only the nearest candidates: the bound still holds and the answer is measured to every site")
{
    const Instance in = random_instance(900, 300, 120, 2);
    for (const auto objective : {geo::AllocationObjective::MinImpedance, geo::AllocationObjective::MinMaxDistance}) {
        CAPTURE(static_cast<int>(objective));
        auto full = problem(in, objective, 6, kInf);
        auto cut = full;
        cut.costs = geo::straight_line_costs(in.demand, in.sites, kInf, 8);
        REQUIRE(!cut.costs.beyond.empty());
        cut.demand_xy = in.demand;
        cut.candidate_xy = in.sites;
        const auto exact = solve(full, geo::AllocationSolver::Exact);
        const auto h = solve(cut, geo::AllocationSolver::Auto);
        CHECK(h.bound <= exact.value * (1 + 1e-9));
        CHECK(h.value >= exact.value * (1 - 1e-9));
        // The value is the answer's true objective, summed here from the places.
        double measured = 0;
        for (size_t i = 0; i < in.demand.size(); ++i) {
            const double d = nearest(in, h.open, i);
            measured = objective == geo::AllocationObjective::MinImpedance ? measured + in.weight[i] * d : std::max(measured, d);
            CHECK(h.cost[i] == doctest::Approx(d));
        }
        CHECK(h.value == doctest::Approx(measured));
        CHECK(h.method.find("CBC") == std::string::npos);  // no MIP on a partial table
    }
}

namespace {

// Max flow source -> demand (weight) -> open site within the radius -> sink (capacity),
// by augmenting paths: the most weight a set of sites can serve.
double served_by(const Instance& in, const std::vector<uint8_t>& open, const std::vector<double>& cap, double radius)
{
    const size_t n = in.demand.size(), m = in.sites.size(), N = n + m + 2, S = n + m, T = n + m + 1;
    std::vector<std::vector<double>> c(N, std::vector<double>(N, 0.0));
    for (size_t i = 0; i < n; ++i) c[S][i] = in.weight[i];
    for (size_t j = 0; j < m; ++j)
        if (open[j]) c[n + j][T] = cap[j];
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j)
            if (open[j] && dist(in.demand[i], in.sites[j]) <= radius) c[i][n + j] = 1e18;
    double flow = 0;
    for (;;) {
        std::vector<size_t> prev(N, SIZE_MAX);
        std::vector<size_t> queue = {S};
        prev[S] = S;
        for (size_t q = 0; q < queue.size() && prev[T] == SIZE_MAX; ++q)
            for (size_t v = 0; v < N; ++v)
                if (prev[v] == SIZE_MAX && c[queue[q]][v] > 1e-12) {
                    prev[v] = queue[q];
                    queue.push_back(v);
                }
        if (prev[T] == SIZE_MAX) return flow;
        double push = 1e18;
        for (size_t v = T; v != S; v = prev[v]) push = std::min(push, c[prev[v]][v]);
        for (size_t v = T; v != S; v = prev[v]) {
            c[prev[v]][v] -= push;
            c[v][prev[v]] += push;
        }
        flow += push;
    }
}

}  // namespace

TEST_CASE("max capacitated coverage: exact equals brute force with max flow, capacities respected, the heuristic below its LP bound")
{
    for (unsigned seed = 1; seed <= 8; ++seed) {
        CAPTURE(seed);
        const Instance in = random_instance(700 + seed, 30, 10, seed % 2);
        const double radius = 300;
        std::vector<double> cap(in.sites.size());
        for (size_t j = 0; j < cap.size(); ++j) cap[j] = 15 + 7.0 * static_cast<double>(j % 4);
        const size_t p = 3;
        double best = 0;
        each_choice(in, p, [&](const std::vector<uint8_t>& open) { best = std::max(best, served_by(in, open, cap, radius)); });
        auto pr = problem(in, geo::AllocationObjective::MaxCapacitatedCoverage, p, radius);
        pr.radius = radius;
        pr.capacity = cap;
        const auto exact = solve(pr, geo::AllocationSolver::Exact);
        CHECK(exact.value == doctest::Approx(best));
        CHECK(exact.status == "optimal");
        const auto h = solve(pr, geo::AllocationSolver::Heuristic);
        CHECK(h.value <= best + 1e-9);
        CHECK(h.bound >= best - 1e-9);
        // The heuristic's value is what its own sites serve at best (their max flow).
        CHECK(h.value == doctest::Approx(served_by(in, h.open, cap, radius)));
        required_kept(in, h);
        CHECK(exact.served_weight == doctest::Approx(exact.value));
    }
    // Capacities that sum below the demand: the rest is unserved, and said by the value.
    const Instance in = random_instance(777, 20, 6, 0);
    auto pr = problem(in, geo::AllocationObjective::MaxCapacitatedCoverage, 2, 5000);
    pr.radius = 5000;  // every pair: only the capacities limit
    pr.capacity.assign(6, 10.0);
    const auto r = solve(pr, geo::AllocationSolver::Exact);
    CHECK(r.value == doctest::Approx(20));
}
