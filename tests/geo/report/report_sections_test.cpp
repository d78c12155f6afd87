// The report's 亩均效益 and life-circle sections: on the demo, every park has both (the
// classes summing to its scored enterprises); above the size limit neither is computed and
// the report's sources say so, naming the commands that give them.
#include <doctest/doctest.h>

#include <numeric>

#include "geo/report/report_input.h"
#include "test_support.h"

TEST_CASE("report: 亩均效益 and life circles per park, and left out by name above the size limit")
{
    const geo::LoadedProject project = geo::load_project(geo::read_project(test::datasets("chongqing-demo/chongqing-demo.parkcap.json")));
    geo::ReportRequest req;
    req.date = "2026-11-30";
    const geo::ReportInput r = geo::report_input(project, req);
    REQUIRE(r.performance);
    REQUIRE(r.life_circles);
    CHECK(r.performance->classes == std::vector<std::string>{"A", "B", "C", "D"});
    const auto& h = r.performance->parks.header;
    const auto col = [&](const std::string& name) { return static_cast<size_t>(std::find(h.begin(), h.end(), name) - h.begin()); };
    size_t parks = 0;
    for (const auto& row : r.performance->parks.rows) {
        if (row[0].rfind("(", 0) == 0) continue;
        long sum = 0;
        for (const char* c : {"class_A", "class_B", "class_C", "class_D"}) sum += std::stol(row[col(c)]);
        CHECK(sum == std::stol(row[col("scored")]));
        ++parks;
    }
    CHECK(parks == r.runs.front().result.parks.size());
    CHECK(r.life_circles->park_name.size() == r.runs.front().result.parks.size() + 1);  // and all in parks
    CHECK(r.life_circles->shares.front().size() == r.life_circles->minutes.size());

    req.sections_limit = 100;
    const geo::ReportInput small = geo::report_input(project, req);
    CHECK(!small.performance);
    CHECK(!small.life_circles);
    const bool said = std::any_of(small.parameters.begin(), small.parameters.end(), [](const std::string& p) {
        return p == "亩均效益 and life circles left out: 20000 enterprises are more than the report computes them for (100); parkcap performance and parkcap "
                    "lifecircles give them";
    });
    CHECK(said);
}
