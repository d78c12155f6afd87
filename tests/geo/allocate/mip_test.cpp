#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <string_view>
#include <vector>

#include "geo/allocate/mip.h"
#include "geo/core/error.h"

namespace {

// max 5a + 4b + 3c, 2a + 3b + c <= 5, binary: a and b (9); a, b and c would weigh 6.
geo::Mip knapsack()
{
    geo::Mip m;
    m.maximise = true;
    const int a = m.add_column(5, 0, 1, true), b = m.add_column(4, 0, 1, true), c = m.add_column(3, 0, 1, true);
    const int row = m.add_row(-1e30, 5);
    m.add_entry(row, a, 2);
    m.add_entry(row, b, 3);
    m.add_entry(row, c, 1);
    return m;
}

}  // namespace

TEST_CASE("CBC: a knapsack by hand, its bound in the right direction, and cancel before and with a start")
{
    const geo::MipResult r = geo::solve_mip(knapsack(), {}, {});
    CHECK(r.optimal);
    CHECK(r.status == "optimal");
    CHECK(r.value == doctest::Approx(9));
    CHECK(r.bound == doctest::Approx(9));
    REQUIRE(r.x.size() == 3);
    CHECK(r.x[0] == doctest::Approx(1));
    CHECK(r.x[1] == doctest::Approx(1));
    CHECK(r.x[2] == doctest::Approx(0));

    std::atomic<bool> cancel{true};
    geo::Progress stop;
    stop.cancel = &cancel;
    CHECK_THROWS_AS(geo::solve_mip(knapsack(), {}, stop), geo::Cancelled);
    // With a feasible start (a and c: 8), a cancelled solve still answers, and says so.
    geo::Mip started = knapsack();
    started.start = {1, 0, 1};
    const geo::MipResult c = geo::solve_mip(started, {}, stop);
    CHECK(c.status == "cancelled");
    CHECK(c.value >= 8 - 1e-9);
    CHECK(c.bound >= c.value - 1e-9);  // maximising: the bound is above (here: none proven, infinite)
}

TEST_CASE("CBC: a solve stopped by its time limit is not called optimal and keeps no bound")
{
    // A generalised assignment, 60 items x 12 bins: CBC needs many LP iterations, and the
    // stop comes before its first.
    geo::Mip m;
    m.maximise = true;
    std::vector<int> item_row, bin_row;
    for (int i = 0; i < 60; ++i) item_row.push_back(m.add_row(-1e30, 1));
    for (int b = 0; b < 12; ++b) bin_row.push_back(m.add_row(-1e30, 100 + (b * 29) % 60));
    m.start.clear();
    for (int i = 0; i < 60; ++i)
        for (int b = 0; b < 12; ++b) {
            const int c = m.add_column(10 + (i * 37 + b * 11) % 23, 0, 1, true);
            m.add_entry(item_row[static_cast<size_t>(i)], c, 1);
            m.add_entry(bin_row[static_cast<size_t>(b)], c, 20 + (i * 53 + b * 7) % 41);
            m.start.push_back(i == 0 && b == 0 ? 1.0 : 0.0);  // a poor feasible start
        }
    // A time limit already past when the LP starts: the LP stops at its first iteration
    // (CBC itself looks at the limit only between nodes, and took the stopped LP for a proof).
    geo::MipLimits limits;
    limits.max_seconds = 1e-6;
    const geo::MipResult r = geo::solve_mip(m, limits, {});
    CHECK_FALSE(r.optimal);
    CHECK(r.status == "time limit");
    CHECK(std::isinf(r.bound));
    CHECK(r.value < 25);  // the poor start (one item), far from what a finished search finds
}
