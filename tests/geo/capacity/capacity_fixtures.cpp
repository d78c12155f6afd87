// Small capacity cases shared by the capacity tests: a 1 km square park with a hole and
// constraints, a second park far away, the standards and rate tables they are checked with.
#include "capacity_fixtures.h"

#include <cmath>

#include <doctest/doctest.h>

#include "test_support.h"

namespace capacity_fixtures {


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

void add_firm(geo::CapacityInput& in, geo::Coord at, double land, double floor, double jobs, double storey, std::string tier)
{
    geo::EnterpriseData& f = firms_of(in);
    f.xy.push_back(at);
    f.fid.push_back(100 + static_cast<int64_t>(f.fid.size()));  // fids that are not positions
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
    in.enterprise_layer = "enterprises";
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

}  // namespace capacity_fixtures
