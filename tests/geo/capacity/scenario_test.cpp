#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <span>

#include "geo/capacity/capacity_model.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/capacity/compliance.h"
#include "geo/capacity/growth.h"
#include "geo/capacity/scenario.h"
#include "geo/core/error.h"
#include "geo/io/crs.h"
#include "capacity_fixtures.h"
#include "test_support.h"

using namespace capacity_fixtures;

namespace {

struct Snapshot {
    double gross, remaining, redevelop, factory, beds, capacity, power_jobs, water_jobs;
    // Equal to a relative 1e-9: the expected values are worked out by hand in another order.
    bool operator==(const Snapshot& o) const
    {
        auto near = [](double a, double b) { return a == b || std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)); };
        return near(gross, o.gross) && near(remaining, o.remaining) && near(redevelop, o.redevelop) && near(factory, o.factory) &&
               near(beds, o.beds) && near(capacity, o.capacity) && near(power_jobs, o.power_jobs) && near(water_jobs, o.water_jobs);
    }
};

Snapshot snap(const geo::ParkCapacity& p)
{
    return {p.gross_m2, p.available_floor_m2, p.redevelopment_m2, p.factory_floor_m2, p.dormitory_beds, p.capacity_jobs,
            factor(p, "power_kw").jobs_supported, factor(p, "water_m3d").jobs_supported};
}

geo::CapacityResult with_edit(const geo::Json& edit)
{
    const auto project = project_with(geo::Json::array({{{"name", "s"}, {"edits", geo::Json::array({edit})}}}));
    auto in = two_parks();
    auto t = tables();
    t.rates.push_back({"dormitory_beds", "", "beds", "*", true, 0.25});
    t.factors.push_back("dormitory_beds");
    t.parameters["dormitory_facility_type"] = "dormitory";
    t.infrastructure["SQ"] = {{"power_kw", 1e6}, {"water_m3d", 1e5}};
    t.infrastructure["OT"] = {{"power_kw", 1e6}, {"water_m3d", 1e5}};
    std::vector<std::string> notes;
    if (!edit.is_null()) geo::apply_scenario(project, "s", geo::parse_crs("EPSG:4545"), in, t, notes);
    return geo::evaluate_capacity(in, t);
}

}  // namespace

TEST_CASE("a scenario with no edits equals the baseline exactly, each edit moves what it should and nothing else")
{
    const auto base = with_edit(geo::Json());
    {
        const auto project = project_with(geo::Json::array({{{"name", "empty"}, {"edits", geo::Json::array()}}}));
        auto in = two_parks();
        auto t = tables();
        std::vector<std::string> notes;
        geo::apply_scenario(project, "empty", geo::parse_crs("EPSG:4545"), in, t, notes);
        const auto a = geo::evaluate_capacity(in, t), b = geo::evaluate_capacity(two_parks(), tables());
        for (size_t p = 0; p < 2; ++p) {
            CHECK(a.parks[p].available_floor_m2 == b.parks[p].available_floor_m2);
            CHECK(a.parks[p].capacity_jobs == b.parks[p].capacity_jobs);
            CHECK(a.parks[p].binding == b.parks[p].binding);
            CHECK(a.parks[p].comprehensive_far == b.parks[p].comprehensive_far);
        }
    }
    const Snapshot s0 = snap(base.parks[0]), other = snap(base.parks[1]);
    // The baseline by hand: gross 1e6 - 4e4 (the hole); net 880,000 after the constraints
    // (70,000 + 10,000); developable 704,000 after the 20% road share; 14,000 occupied.
    // Available floor: site S1 at its own FAR (20,000 x 1.2) + the other 670,000 m² of vacant
    // land at the park's FAR 1.5 = 1,029,000 m². The park's 180 jobs on 13,000 m² turn it into
    // jobs: 180 + 1,029,000 x 180 / 13,000 = 14,427.7, the binding floor factor (power and
    // water are far from their limits; the dormitory has no stock to limit).
    const double per_m2 = 180.0 / 13000.0;
    CHECK(s0.gross == doctest::Approx(960000));
    CHECK(s0.remaining == doctest::Approx(1029000));
    CHECK(s0.capacity == doctest::Approx(180 + 1029000 * per_m2));
    CHECK(s0.water_jobs == doctest::Approx(180 + (1e5 - 180 * 0.5) / 0.5));
    auto check_only = [&](const geo::Json& edit, auto&& expect) {
        CAPTURE(edit.dump());
        const auto r = with_edit(edit);
        CHECK(snap(r.parks[1]) == other);  // the other park never moves
        Snapshot want = s0;
        expect(want, r.parks[0]);
        const Snapshot got = snap(r.parks[0]);
        CAPTURE(got.remaining);
        CAPTURE(want.remaining);
        CAPTURE(got.capacity);
        CAPTURE(want.capacity);
        CAPTURE(got.beds);
        CAPTURE(got.power_jobs);
        CAPTURE(want.power_jobs);
        CAPTURE(got.water_jobs);
        CAPTURE(want.water_jobs);
        CHECK(got == want);
    };
    // Raise FAR: more remaining floor (and the floor factor's jobs); infrastructure unchanged.
    // FAR 2.0 for the park and its sites below it (S1 was 1.2): all 690,000 m² of vacant land.
    check_only({{"type", "raise_far"}, {"park", "SQ"}, {"far", 2.0}}, [&](Snapshot& w, const geo::ParkCapacity&) {
        w.remaining = 690000 * 2.0;
        w.capacity = 180 + w.remaining * per_m2;
    });
    // Redevelop: the under-used plot (10,000 m² at FAR 0.5) rebuilt to 1.5 adds 10,000 m².
    check_only({{"type", "redevelop"}, {"park", "Square"}}, [&](Snapshot& w, const geo::ParkCapacity& p) {
        CHECK(p.redevelopment_m2 == doctest::Approx(10000));
        w.redevelop = 10000;
        w.remaining = s0.remaining + 10000;
        w.capacity = 180 + (1029000 + 10000) * per_m2;
    });
    // A standard factory on S1: 4 storeys x 2,000 m² replaces the site's planned 24,000 m²... less.
    check_only({{"type", "standard_factory"}, {"site", "S1"}, {"storeys", 20}, {"footprint_m2", 2000}, {"beds", 300}},
               [&](Snapshot& w, const geo::ParkCapacity& p) {
                   CHECK(p.factory_floor_m2 == doctest::Approx(40000 - 24000));
                   w.factory = 16000;
                   w.remaining = s0.remaining + 16000;
                   w.beds = s0.beds + 300;
                   // 300 beds at 0.25 a job, 45 of them used by today's 180 jobs: 180 + 255 / 0.25
                   // = 1,200 jobs, now the binding factor (the floor would allow 14,649).
                   w.capacity = 180 + (300 - 180 * 0.25) / 0.25;
                   CHECK(p.binding == std::vector<std::string>{"dormitory_beds"});
               });
    // A dormitory with 500 beds inside the square (lon/lat of a point in EPSG:4545's square).
    {
        const geo::Transformer to_lonlat(geo::parse_crs("EPSG:4545"), geo::wgs84());
        geo::Coord c{500, 900};
        to_lonlat.transform(std::span<geo::Coord>(&c, 1));
        check_only({{"type", "add_facility"}, {"facility_type", "dormitory"}, {"lon", c.x}, {"lat", c.y}, {"capacity", 500}},
                   [&](Snapshot& w, const geo::ParkCapacity& p) {
                       CHECK(p.dormitory_beds == doctest::Approx(s0.beds + 500));
                       w.beds = 500;
                       w.capacity = 180 + (500 - 180 * 0.25) / 0.25;  // 2,000 jobs: the beds bind
                       CHECK(p.binding == std::vector<std::string>{"dormitory_beds"});
                   });
    }
    // Upgrade water: only water's jobs move.
    check_only({{"type", "upgrade_capacity"}, {"park", "SQ"}, {"factor", "water_m3d"}, {"add", 50000}}, [&](Snapshot& w, const geo::ParkCapacity& p) {
        w.water_jobs = 180 + (150000 - 180 * 0.5) / 0.5;
        w.capacity = s0.capacity;  // the floor still binds
        CHECK(p.binding == std::vector<std::string>{"floor_area"});
    });
}

TEST_CASE("plots marked for redevelopment and incoming enterprises change the park they are in, by hand")
{
    const auto base = with_edit(geo::Json());
    const double base_avail = 1029000;  // worked out in the first case
    REQUIRE(base.parks[0].available_floor_m2 == doctest::Approx(base_avail));
    // fid 100 is the square's compliant plot (4,000 m² land, 8,000 m² floor): rebuilt to FAR 3
    // it gives 12,000 - 8,000 = 4,000 m²; at the park's FAR 1.5 (6,000 m²) nothing.
    const auto at3 = with_edit({{"type", "redevelop_plots"}, {"layer", "enterprises"}, {"fids", {100}}, {"far", 3.0}});
    CHECK(at3.parks[0].redevelopment_m2 == doctest::Approx(4000));
    CHECK(at3.parks[0].available_floor_m2 == doctest::Approx(base_avail + 4000));
    CHECK(at3.parks[1].redevelopment_m2 == 0);
    const auto at_park = with_edit({{"type", "redevelop_plots"}, {"layer", "enterprises"}, {"fids", {100}}});
    CHECK(at_park.parks[0].redevelopment_m2 == 0);
    // fid 102 (the square's under-used plot, 10,000 m² at 5,000 m²) to FAR 2: 15,000 m². Marked
    // and also in a park-wide redevelop to 1.5, the higher FAR counts once.
    const auto both = [&] {
        const auto project = project_with(geo::Json::array(
            {{{"name", "s"}, {"edits", geo::Json::array({{{"type", "redevelop"}, {"park", "SQ"}}, {{"type", "redevelop_plots"}, {"layer", "enterprises"}, {"fids", {102}}, {"far", 2.0}}})}}}));
        auto in = two_parks();
        auto t = tables();
        std::vector<std::string> notes;
        geo::apply_scenario(project, "s", geo::parse_crs("EPSG:4545"), in, t, notes);
        return geo::evaluate_capacity(in, t);
    }();
    CHECK(both.parks[0].redevelopment_m2 == doctest::Approx(15000));

    // An incoming enterprise on S1 (20,000 m² vacant at FAR 1.2): the site's land becomes
    // occupied (14,000 -> 34,000 m²), the park's vacant 670,000 m² remain at FAR 1.5 = 1,005,000
    // m² available; jobs 180 + 50 = 230 on 13,000 + 20,000 m² of floor, so the floor factor
    // allows 230 + 1,005,000 x 230 / 33,000 jobs.
    const geo::Transformer to_lonlat(geo::parse_crs("EPSG:4545"), geo::wgs84());
    geo::Coord on_site{700, 150};
    to_lonlat.transform(std::span<geo::Coord>(&on_site, 1));
    const auto grown = with_edit({{"type", "add_enterprise"}, {"name", "新材料公司"}, {"cluster", "新材料"}, {"lon", on_site.x}, {"lat", on_site.y},
                                  {"employees", 50}, {"floor_m2", 20000}, {"site", "S1"}});
    const geo::ParkCapacity& g = grown.parks[0];
    CHECK(g.enterprises == base.parks[0].enterprises + 1);
    CHECK(g.jobs == doctest::Approx(230));
    CHECK(g.occupied_m2 == doctest::Approx(34000));
    CHECK(g.available_floor_m2 == doctest::Approx(1005000));
    CHECK(g.capacity_jobs == doctest::Approx(230 + 1005000.0 * 230 / 33000));
    CHECK(grown.parks[1].jobs == base.parks[1].jobs);
    CHECK(grown.plots.size() == base.plots.size() + 1);

    // Mistakes name the edit and the field.
    auto in = two_parks();
    auto t = tables();
    std::vector<std::string> notes;
    const auto bad = project_with(geo::Json::array({{{"name", "b"}, {"edits", geo::Json::array({{{"type", "redevelop_plots"}, {"layer", "enterprises"}, {"fids", {100, 7}}}})}}}));
    CHECK_THROWS_WITH_AS(geo::apply_scenario(bad, "b", geo::parse_crs("EPSG:4545"), in, t, notes),
                         doctest::Contains("scenarios[0].edits[0].fids[1]: the enterprises layer has no feature 7"), geo::Error);
    const auto wrong_site = project_with(geo::Json::array({{{"name", "b"}, {"edits", geo::Json::array({{{"type", "add_enterprise"}, {"name", "a"}, {"cluster", "c"}, {"lon", on_site.x}, {"lat", on_site.y}, {"employees", 1}, {"floor_m2", 1}, {"site", "S9"}}})}}}));
    CHECK_THROWS_WITH_AS(geo::apply_scenario(wrong_site, "b", geo::parse_crs("EPSG:4545"), in, t, notes),
                         doctest::Contains("scenarios[0].edits[0].site: no site named 'S9'"), geo::Error);
}

TEST_CASE("a dormitory moved into another park takes its beds there, a removed one takes them away")
{
    const geo::Transformer to_lonlat(geo::parse_crs("EPSG:4545"), geo::wgs84());
    geo::Coord in_other{5500, 900}, in_square{500, 900};
    to_lonlat.transform(std::span<geo::Coord>(&in_other, 1));
    to_lonlat.transform(std::span<geo::Coord>(&in_square, 1));
    auto run = [&](const geo::Json& edits) {
        const auto project = project_with(geo::Json::array({{{"name", "s"}, {"edits", edits}}}));
        auto in = two_parks();
        auto t = tables();
        t.rates.push_back({"dormitory_beds", "", "beds", "*", true, 0.25});
        t.factors.push_back("dormitory_beds");
        t.parameters["dormitory_facility_type"] = "dormitory";
        std::vector<std::string> notes;
        geo::apply_scenario(project, "s", geo::parse_crs("EPSG:4545"), in, t, notes);
        return geo::evaluate_capacity(in, t);
    };
    const geo::Json add = {{"type", "add_facility"}, {"id", "d1"}, {"facility_type", "dormitory"}, {"lon", in_other.x}, {"lat", in_other.y}, {"capacity", 500}};
    const auto placed = run(geo::Json::array({add}));
    CHECK(placed.parks[0].dormitory_beds == doctest::Approx(0));
    CHECK(placed.parks[1].dormitory_beds == doctest::Approx(500));
    const auto moved = run(geo::Json::array({add, {{"type", "move_facility"}, {"facility", {{"added", "d1"}}}, {"lon", in_square.x}, {"lat", in_square.y}}}));
    CHECK(moved.parks[0].dormitory_beds == doctest::Approx(500));
    CHECK(moved.parks[1].dormitory_beds == doctest::Approx(0));
    // 500 beds at 0.25 a job, 45 used by the square's 180 jobs: 180 + 455 / 0.25 = 2,000 jobs, binding.
    CHECK(moved.parks[0].capacity_jobs == doctest::Approx(2000));
    const auto removed = run(geo::Json::array({add, {{"type", "remove_facility"}, {"facility", {{"added", "d1"}}}}}));
    CHECK(removed.parks[1].dormitory_beds == doctest::Approx(0));
}

TEST_CASE("extending a boundary adds land, bad scenarios are clear errors")
{
    const geo::Transformer to_lonlat(geo::parse_crs("EPSG:4545"), geo::wgs84());
    std::vector<geo::Coord> ring = {{1000, 0}, {1500, 0}, {1500, 1000}, {1000, 1000}};
    to_lonlat.transform(ring);
    geo::Json pts = geo::Json::array();
    for (auto c : ring) pts.push_back({c.x, c.y});
    const auto r = with_edit({{"type", "extend_boundary"}, {"park", "SQ"}, {"ring", pts}});
    CHECK(r.parks[0].gross_m2 == doctest::Approx(1e6 - 4e4 + 5e5).epsilon(1e-6));

    auto in = two_parks();
    auto t = tables();
    std::vector<std::string> notes;
    const geo::Json bad = {{"name", "bad"}, {"edits", geo::Json::array({{{"type", "raise_far"}, {"park", "Nowhere"}, {"far", 2}}})}};
    const geo::Json neg = {{"name", "neg"}, {"edits", geo::Json::array({{{"type", "upgrade_capacity"}, {"park", "SQ"}, {"factor", "power_kw"}, {"set", -5}}})}};
    // A park the project does not have: named when the scenario is applied.
    const auto project = project_with(geo::Json::array({bad}));
    CHECK_THROWS_WITH_AS(geo::apply_scenario(project, "bad", geo::parse_crs("EPSG:4545"), in, t, notes),
                         doctest::Contains("scenarios[0].edits[0].park: no park named 'Nowhere'"), geo::Error);
    // A malformed edit anywhere in the file: named whichever scenario is asked for.
    const auto with_neg = project_with(geo::Json::array({bad, neg}));
    CHECK_THROWS_WITH_AS(geo::apply_scenario(with_neg, "bad", geo::parse_crs("EPSG:4545"), in, t, notes),
                         doctest::Contains("scenarios[1].edits[0].set: must not be negative"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::apply_scenario(project, "missing", geo::parse_crs("EPSG:4545"), in, t, notes),
                         doctest::Contains("no scenario named 'missing'"), geo::Error);
}
