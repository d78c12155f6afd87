#include <doctest/doctest.h>

#include <atomic>

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
