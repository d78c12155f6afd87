#include <doctest/doctest.h>

#include "geo/cluster/location_quotient.h"
#include "geo/core/error.h"

namespace {

geo::Column text(std::initializer_list<const char*> values)
{
    geo::Column c("cluster", geo::FieldType::String);
    for (const char* v : values) v ? c.push_string(v) : c.push_null();
    return c;
}

geo::Column numbers(std::initializer_list<double> values)
{
    geo::Column c("jobs", geo::FieldType::Real);
    for (double v : values) c.push_real(v);
    return c;
}

const geo::LqRow* row(const std::vector<geo::LqRow>& rows, size_t park, const std::string& cat)
{
    for (const auto& r : rows)
        if (r.park == park && r.category == cat) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("location quotients and characteristic clusters against a hand calculation")
{
    // Park 0: auto 60 jobs, electronics 40. Park 1: electronics 90, auto 10. Outside: auto 100.
    // Study area: auto 170, electronics 130, total 300.
    const std::vector<int32_t> park_of{0, 0, 1, 1, -1};
    const geo::Column cat = text({"auto", "elec", "elec", "auto", "auto"});
    const geo::Column jobs = numbers({60, 40, 90, 10, 100});
    geo::LqOptions o;
    o.min_share = 0.1;
    const auto rows = geo::location_quotients(park_of, 2, cat, &jobs, o);
    REQUIRE(rows.size() == 4);
    // Park 0, auto: (60/100) / (170/300) = 1.0588; electronics: (40/100) / (130/300) = 0.923.
    CHECK(row(rows, 0, "auto")->lq == doctest::Approx(0.6 / (170.0 / 300.0)));
    CHECK(row(rows, 0, "elec")->lq == doctest::Approx(0.4 / (130.0 / 300.0)));
    CHECK_FALSE(row(rows, 0, "auto")->characteristic);  // 1.06 < 1.25
    // Park 1, electronics: (90/100) / (130/300) = 2.077: characteristic, rank 1.
    CHECK(row(rows, 1, "elec")->lq == doctest::Approx(0.9 / (130.0 / 300.0)));
    CHECK(row(rows, 1, "elec")->characteristic);
    CHECK(row(rows, 1, "elec")->rank == 1);
    CHECK(rows[2].category == "elec");  // within a park, largest value first

    // By count: park 1 has one of each, the area 3 auto and 2 electronics.
    o.measure = geo::LqMeasure::Count;
    const auto counts = geo::location_quotients(park_of, 2, cat, nullptr, o);
    CHECK(row(counts, 1, "elec")->lq == doctest::Approx(0.5 / 0.4));
    CHECK(row(counts, 1, "elec")->characteristic);  // exactly 1.25: at the threshold counts
    o.min_lq = 1.2500001;
    CHECK_FALSE(row(geo::location_quotients(park_of, 2, cat, nullptr, o), 1, "elec")->characteristic);
}

TEST_CASE("a regional reference compares each park with its own region")
{
    // Two regions; park 0 in region 0, park 1 in region 1.
    const std::vector<int32_t> park_of{0, 0, 1, -1, -1};
    const std::vector<int32_t> region_of{0, 0, 1, 0, 1};
    const std::vector<int32_t> park_region{0, 1};
    const geo::Column cat = text({"auto", "elec", "elec", "elec", "auto"});
    const geo::Column jobs = numbers({50, 50, 10, 100, 90});
    geo::LqOptions o;
    const auto rows = geo::location_quotients(park_of, 2, cat, &jobs, o, &region_of, &park_region);
    // Region 0: auto 50, elec 150 (of 200). Park 0 auto share 0.5 -> LQ 0.5 / 0.25 = 2.
    CHECK(row(rows, 0, "auto")->lq == doctest::Approx(2.0));
    // Region 1: elec 10, auto 90 (of 100). Park 1 elec share 1 -> LQ 1 / 0.1 = 10.
    CHECK(row(rows, 1, "elec")->lq == doctest::Approx(10.0));
    CHECK_THROWS_AS(geo::location_quotients(park_of, 2, cat, nullptr, o), geo::Error);  // employment needs employees
}
