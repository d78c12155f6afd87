#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "geo/capacity/capacity_model.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/capacity/growth.h"
#include "geo/capacity/scenario.h"
#include "geo/core/error.h"
#include "geo/io/crs.h"
#include "test_support.h"

namespace {

const double kNaN = std::nan("");

geo::CapacityTables tables()
{
    geo::CapacityTables t;
    t.rules["building_coefficient"] = {"building_coefficient", "", "min", 0.30};
    t.rules["admin_living_land_share"] = {"admin_living_land_share", "", "max", 0.07};
    t.rules["admin_living_land_share_park_relaxed"] = {"admin_living_land_share_park_relaxed", "", "max", 0.15};
    t.rules["green_ratio"] = {"green_ratio", "", "max", 0.20};
    t.rules["storey_height_double_count_m"] = {"storey_height_double_count_m", "", "threshold", 8};
    t.min_far["34"] = 0.7;
    t.rates = {{"power_kw", "", "kW", "*", false, 0.05}, {"water_m3d", "", "m3/d", "*", true, 0.5}};
    t.factors = {"power_kw", "water_m3d"};
    t.parameters = {{"road_utility_share", "0.2"}, {"underused_bottom_share", "0"}, {"vacant_site_statuses", "空地"}, {"mu_m2", "666.6667"}};
    return t;
}

// A mutable copy of the enterprises of `in` (which then holds it), for building cases.
geo::EnterpriseData& firms_of(geo::CapacityInput& in)
{
    auto f = std::make_shared<geo::EnterpriseData>(*in.firms);
    geo::EnterpriseData& ref = *f;
    in.firms = std::move(f);
    return ref;
}

void add_firm(geo::CapacityInput& in, geo::Coord at, double land, double floor, double jobs, double storey = 5, std::string tier = "")
{
    geo::EnterpriseData& f = firms_of(in);
    f.xy.push_back(at);
    f.name.push_back("firm " + std::to_string(f.xy.size()));
    f.code.push_back("34");
    f.cluster.push_back("装备制造");
    f.tier.push_back(tier);
    f.employees.push_back(jobs);
    f.floor_area.push_back(floor);
    f.land_area.push_back(land);
    f.footprint_area.push_back(land * 0.5);
    f.admin_living_area.push_back(land * 0.05);
    f.green_area.push_back(land * 0.1);
    f.storey_height.push_back(storey);
    f.output.push_back(100);
    f.tax.push_back(5);
}

// A 1 km square park with a 200 m square hole; constraints: two squares overlapping by
// 100 x 100 m, and one half outside the park. One enterprise.
geo::CapacityInput square_park()
{
    geo::CapacityInput in;
    in.parks = test::from_wkt(geo::GeomKind::Polygon, {"POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0), (100 100, 100 300, 300 300, 300 100, 100 100))"});
    in.park_name = {"Square"};
    in.park_code = {"SQ"};
    in.permitted_far = {1.5};
    in.redevelop_far = {kNaN};
    in.constraints = test::from_wkt(geo::GeomKind::Polygon, {"POLYGON ((400 400, 600 400, 600 600, 400 600, 400 400))",
                                                             "POLYGON ((500 500, 700 500, 700 700, 500 700, 500 500))",
                                                             "POLYGON ((900 0, 1100 0, 1100 100, 900 100, 900 0))"});
    add_firm(in, {800, 800}, 4000, 8000, 100);
    return in;
}

const geo::FactorCapacity& factor(const geo::ParkCapacity& p, const std::string& name)
{
    for (const auto& f : p.factors)
        if (f.factor == name) return f;
    FAIL("no factor " << name);
    return p.factors.front();
}

}  // namespace

TEST_CASE("land: a park with a hole, overlapping constraints counted once, the road share, vacant land")
{
    auto t = tables();
    t.infrastructure["SQ"] = {{"power_kw", 2400}, {"water_m3d", 150}};
    const auto r = geo::evaluate_capacity(square_park(), t);
    const auto& p = r.parks[0];
    CHECK(p.gross_m2 == doctest::Approx(1e6 - 4e4));
    CHECK(p.constrained_m2 == doctest::Approx(70000 + 10000));
    CHECK(p.net_m2 == doctest::Approx(880000));
    CHECK(p.developable_m2 == doctest::Approx(704000));
    CHECK(p.vacant_m2 == doctest::Approx(700000));
    CHECK(p.floor_capacity_m2 == doctest::Approx(704000 * 1.5));
    CHECK(p.remaining_floor_m2 == doctest::Approx(704000 * 1.5 - 8000));
    CHECK(p.available_floor_m2 == doctest::Approx(1.05e6));
    CHECK(p.densification_potential_m2 == doctest::Approx(0));  // the one plot is at FAR 2, above 1.5

    // Averages the planner gives replace the park's own: 50 m² a job, 2,000 m² a firm.
    t.cluster_averages["装备制造"] = {50, 2000};
    const auto g = geo::evaluate_capacity(square_park(), t).parks[0];
    CHECK(g.remaining_jobs == doctest::Approx(1.05e6 / 50));
    CHECK(g.remaining_enterprises == doctest::Approx(1.05e6 / 2000));
    CHECK(factor(g, "floor_area").jobs_supported == doctest::Approx(100 + 1.05e6 / 50));
    CHECK(p.remaining_jobs == doctest::Approx(1.05e6 * 100 / 8000));
    CHECK(p.comprehensive_far == doctest::Approx(2.0));
    CHECK(p.jobs_per_mu == doctest::Approx(100 / (4000 / 666.6667)));
}

TEST_CASE("the binding factor is the smallest capacity in jobs; the others show their headroom; ties name both")
{
    auto t = tables();
    // Power: 4 kW per job (0.05 kW/m2 x 80 m2 per job), 400 used, 2,400 → 600 jobs.
    // Water: 0.5 m3/d per job, 50 used, 150 → 300 jobs: binding.
    t.infrastructure["SQ"] = {{"power_kw", 2400}, {"water_m3d", 150}};
    auto r = geo::evaluate_capacity(square_park(), t);
    const auto& p = r.parks[0];
    CHECK(factor(p, "power_kw").per_new_job == doctest::Approx(4));
    CHECK(factor(p, "power_kw").jobs_supported == doctest::Approx(600));
    CHECK(factor(p, "water_m3d").jobs_supported == doctest::Approx(300));
    CHECK(p.capacity_jobs == doctest::Approx(300));
    REQUIRE(p.binding == std::vector<std::string>{"water_m3d"});
    CHECK(factor(p, "power_kw").headroom_jobs == doctest::Approx(300));
    CHECK(factor(p, "floor_area").headroom_jobs == doctest::Approx(100 + 13125 - 300));
    CHECK(p.headroom_jobs == doctest::Approx(200));

    // Water raised to 300 m3/d: 600 jobs, a tie with power.
    t.infrastructure["SQ"]["water_m3d"] = 300;
    r = geo::evaluate_capacity(square_park(), t);
    CHECK(r.parks[0].binding == std::vector<std::string>{"power_kw", "water_m3d"});
    CHECK(r.parks[0].capacity_jobs == doctest::Approx(600));

    // A capacity row for a park that does not exist, or a factor without a rate, is reported.
    t.infrastructure["Atlantis"] = {{"power_kw", 1}};
    t.infrastructure["SQ"]["steam_t"] = 5;
    r = geo::evaluate_capacity(square_park(), t);
    CHECK(r.warnings == std::vector<std::string>{
                            "infrastructure capacities: no park named 'Atlantis' (by name or code); its row is not used",
                            "infrastructure capacities of 'SQ': factor 'steam_t' has no demand rate; it is not used"});
    // Without infrastructure capacities, floor area binds.
    r = geo::evaluate_capacity(square_park(), tables());
    CHECK(r.parks[0].binding == std::vector<std::string>{"floor_area"});
    CHECK_FALSE(factor(r.parks[0], "power_kw").given);
}

TEST_CASE("industry codes as registers write them give their two-digit GB/T 4754 division")
{
    CHECK(geo::industry_division("34") == "34");
    CHECK(geo::industry_division("3411") == "34");
    CHECK(geo::industry_division("C3411") == "34");
    CHECK(geo::industry_division(" C34 ") == "34");
    CHECK(geo::industry_division("C") == "");
    CHECK(geo::industry_division("7") == "");
}

TEST_CASE("a park without a permitted FAR from either source: a warning, and no floor factor")
{
    auto in = square_park();
    in.permitted_far = {kNaN};
    firms_of(in).code = {"99"};  // not in the minimum FAR table
    auto t = tables();
    t.infrastructure["SQ"] = {{"power_kw", 2400}};
    const auto r = geo::evaluate_capacity(in, t);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("park 'Square' has no permitted FAR") != std::string::npos);
    CHECK_FALSE(factor(r.parks[0], "floor_area").given);
    CHECK(r.parks[0].binding == std::vector<std::string>{"power_kw"});
    CHECK(r.parks[0].available_floor_m2 == 0);
    // With the code in the table, the land-weighted industry minimum (0.7) stands in.
    firms_of(in).code = {"34"};
    const auto r2 = geo::evaluate_capacity(in, t);
    CHECK(r2.parks[0].far_source == "industry minimum");
    CHECK(r2.parks[0].permitted_far == doctest::Approx(0.7));
}

TEST_CASE("each compliance rule at, just below and just above its threshold; the 8 m storey rule")
{
    auto in = square_park();
    in.firms = std::make_shared<geo::EnterpriseData>();
    // Land 1,000 m² each; values at, below and above each threshold.
    for (int k = 0; k < 3; ++k) add_firm(in, {700.0 + k, 700}, 1000, 700 + (k - 1), 10);  // FAR 0.699 / 0.7 / 0.701 vs 0.7
    const auto r0 = geo::evaluate_capacity(in, tables());
    CHECK(r0.plots[0].far_ok == geo::Check::Fail);
    CHECK(r0.plots[1].far_ok == geo::Check::Pass);
    CHECK(r0.plots[2].far_ok == geo::Check::Pass);
    CHECK(r0.plots[0].underused);
    CHECK_FALSE(r0.plots[1].underused);

    {
        auto& f = firms_of(in);
        f.footprint_area = {299, 300, 301};
        f.admin_living_area = {69, 70, 71};
        f.green_area = {199, 200, 201};
    }
    const auto r1 = geo::evaluate_capacity(in, tables());
    CHECK(r1.plots[0].coefficient_ok == geo::Check::Fail);
    CHECK(r1.plots[1].coefficient_ok == geo::Check::Pass);
    CHECK(r1.plots[2].coefficient_ok == geo::Check::Pass);
    CHECK(r1.plots[0].admin_ok == geo::Check::Pass);
    CHECK(r1.plots[1].admin_ok == geo::Check::Pass);
    CHECK(r1.plots[2].admin_ok == geo::Check::Fail);
    CHECK(r1.plots[1].green_ok == geo::Check::Pass);
    CHECK(r1.plots[2].green_ok == geo::Check::Fail);
    CHECK(r1.plots[2].reasons.find("green ratio 0.201 > 0.200") != std::string::npos);
    // The dormitory relaxation: 7.1% passes in a park that applies it.
    auto relaxed = tables();
    relaxed.relaxed_parks = {"Square"};
    CHECK(geo::evaluate_capacity(in, relaxed).plots[2].admin_ok == geo::Check::Pass);

    // Storeys: exactly 8 m counts once, above 8 m twice.
    firms_of(in).storey_height = {8.0, 8.01, 7.99};
    const auto r2 = geo::evaluate_capacity(in, tables());
    CHECK(r2.plots[0].counted_floor == doctest::Approx(699));
    CHECK(r2.plots[1].counted_floor == doctest::Approx(1400));
    CHECK(r2.plots[2].counted_floor == doctest::Approx(701));
    CHECK(r2.plots[1].far == doctest::Approx(1.4));
    // Missing data is not a failure.
    firms_of(in).green_area[0] = kNaN;
    CHECK(geo::evaluate_capacity(in, tables()).plots[0].green_ok == geo::Check::NoData);
}

namespace {

geo::Project project_with(const geo::Json& scenarios)
{
    geo::Project p;
    p.file = "/nowhere/test.parkcap.json";
    p.extra["scenarios"] = scenarios;
    return p;
}

// Two parks: the square and a second one far away that no edit touches.
geo::CapacityInput two_parks()
{
    auto in = square_park();
    test::add_wkt(in.parks, "POLYGON ((5000 0, 6000 0, 6000 1000, 5000 1000, 5000 0))");
    in.park_name.push_back("Other");
    in.park_code.push_back("OT");
    in.permitted_far.push_back(1.0);
    in.redevelop_far.push_back(kNaN);
    add_firm(in, {5500, 500}, 10000, 5000, 80);  // FAR 0.5 < 0.7: under-used
    add_firm(in, {800, 200}, 10000, 5000, 80);   // the same in the square
    in.sites = test::from_wkt(geo::GeomKind::Polygon, {"POLYGON ((600 100, 800 100, 800 200, 600 200, 600 100))"});
    in.site_name = {"S1"};
    in.site_status = {"空地"};
    in.site_far = {1.2};
    in.site_area = {20000};
    in.facility_xy = {};
    in.facility_type = {};
    in.facility_capacity = {};
    in.radii = {{"dormitory", "宿舍", {1000}}};
    return in;
}

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

TEST_CASE("a scenario with no edits equals the baseline exactly; each edit moves what it should and nothing else")
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

TEST_CASE("a dormitory moved into another park takes its beds there; a removed one takes them away")
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

TEST_CASE("extending a boundary adds land; bad scenarios are clear errors")
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
    const auto project = project_with(geo::Json::array({{{"name", "bad"}, {"edits", geo::Json::array({{{"type", "raise_far"}, {"park", "Nowhere"}, {"far", 2}}})}},
                                                        {{"name", "neg"}, {"edits", geo::Json::array({{{"type", "upgrade_capacity"}, {"park", "SQ"}, {"factor", "power_kw"}, {"set", -5}}})}}}));
    CHECK_THROWS_WITH_AS(geo::apply_scenario(project, "bad", geo::parse_crs("EPSG:4545"), in, t, notes),
                         doctest::Contains("scenarios[0].edits[0].park: no park named 'Nowhere'"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::apply_scenario(project, "neg", geo::parse_crs("EPSG:4545"), in, t, notes),
                         doctest::Contains("scenarios[1].edits[0].set: must not be negative"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::apply_scenario(project, "missing", geo::parse_crs("EPSG:4545"), in, t, notes),
                         doctest::Contains("no scenario named 'missing'"), geo::Error);
}

TEST_CASE("growth: the year a park runs short, and of what, on a hand-computed case")
{
    geo::CapacityInput in;
    geo::CapacityResult r;
    for (int i = 0; i < 10; ++i) {
        add_firm(in, {0, 0}, 100, 1000, 10, 5, "T");
        geo::PlotCompliance c;
        c.counted_floor = 1000;
        r.plots.push_back(c);
        r.park_of.push_back(0);
    }
    geo::ParkCapacity p;
    p.jobs = 100;
    p.available_floor_m2 = 1500;
    p.factors = {{"floor_area", "m2", true, 11500, 10000, 100, 115, 0, false}, {"water_m3d", "m3/d", true, 0, 0, 0, 125, 0, false}};
    r.parks = {p};
    geo::CapacityTables t;
    t.growth = {{"T", 2025, 2030, 0.10, std::nullopt}};
    std::vector<std::string> warnings;
    // 10 firms growing 10% a year: 1 new by 2026 (1,000 m², 10 jobs), 2.1 by 2027 (2,100 m²).
    auto g = geo::growth_against_capacity(in, r, t, warnings);
    REQUIRE(g[0].years.size() == 5);
    CHECK(g[0].years[0].new_enterprises == doctest::Approx(1));
    CHECK(g[0].years[1].floor_m2 == doctest::Approx(2100));
    CHECK(g[0].shortfall_year == 2027);
    CHECK(g[0].short_of == "floor_area");
    // With floor to spare, water (25 jobs of headroom) runs out in 2028 (33.1 new jobs).
    r.parks[0].available_floor_m2 = 1e9;
    g = geo::growth_against_capacity(in, r, t, warnings);
    CHECK(g[0].shortfall_year == 2028);
    CHECK(g[0].short_of == "water_m3d");
    // The planner gives the park half of the growth: half the demand, so water lasts to 2029
    // (2029: 10 x 0.4641 / 2 = 2.32 firms, 23.2 jobs <= 25; 2030: 30.5 jobs > 25).
    t.growth_shares = {{"P", 0.5}};
    r.parks[0].name = "P";
    g = geo::growth_against_capacity(in, r, t, warnings);
    CHECK(g[0].years[0].new_enterprises == doctest::Approx(0.5));
    CHECK(g[0].shortfall_year == 2030);
    t.growth_shares.clear();
    // A target count instead of a rate: 10 → 20 in 5 years.
    t.growth = {{"T", 2025, 2030, std::nullopt, 20.0}};
    g = geo::growth_against_capacity(in, r, t, warnings);
    CHECK(g[0].years.back().new_enterprises == doctest::Approx(10));
}

TEST_CASE("capacity tables: a missing rate table and a negative capacity are clear errors")
{
    test::ScratchDir dir("capacity_tables");
    const auto std_dir = std::filesystem::path(test::datasets("standards"));
    geo::Project p;
    p.file = dir.path / "p.parkcap.json";
    p.extra["analysis"]["capacity"] = {{"standards_dir", dir.path.string()}};
    for (const char* f : {"industrial_land_general_2008.csv", "industrial_land_min_far_2008.csv", "capacity_parameters.csv"})
        std::filesystem::copy_file(std_dir / f, dir.path / f);
    CHECK_THROWS_WITH_AS(geo::load_capacity_tables(p), doctest::Contains("infrastructure_demand_rates.csv: the infrastructure demand rate table is missing"),
                         geo::Error);
    std::filesystem::copy_file(std_dir / "infrastructure_demand_rates.csv", dir.path / "infrastructure_demand_rates.csv");
    std::ofstream(dir.path / "infra.csv") << "park_code,factor,capacity\nCQ-HTZ,power_kw,1000\nCQ-HTZ,water_m3d,-5\n";
    p.extra["analysis"]["capacity"]["infrastructure"] = "infra.csv";
    CHECK_THROWS_WITH_AS(geo::load_capacity_tables(p), doctest::Contains("infra.csv: line 3: a negative capacity (-5) for water_m3d of park 'CQ-HTZ'"),
                         geo::Error);
    std::ofstream(dir.path / "infra.csv") << "park_code,factor,capacity\nCQ-HTZ,power_kw,1000\n";
    const auto t = geo::load_capacity_tables(p);
    CHECK(t.infrastructure.at("CQ-HTZ").at("power_kw") == 1000);
    CHECK(t.rule("building_coefficient").value == doctest::Approx(0.30));
    CHECK(t.min_far.at("27") == doctest::Approx(0.7));
    CHECK(t.number("road_utility_share") == doctest::Approx(0.15));
}
