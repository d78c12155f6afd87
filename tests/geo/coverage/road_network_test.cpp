#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "geo/core/error.h"
#include "geo/coverage/road_network.h"
#include "test_support.h"

TEST_CASE("network distances on a hand-built graph: an unshared crossing, a dead end, a detached piece")
{
    // A: (0 0)-(200 0); B crosses it at (100 0) without a shared vertex: (100 -100)-(100 100);
    // C: a dead end from (200 0) to (200 150); D: detached, (1000 1000)-(1100 1000).
    const geo::GeometryColumn roads = test::from_wkt(geo::GeomKind::Line, {
        "LINESTRING (0 0, 200 0)", "LINESTRING (100 -100, 100 100)", "LINESTRING (200 0, 200 150)",
        "LINESTRING (1000 1000, 1100 1000)"});
    const geo::RoadNetwork net(roads);
    CHECK(net.components() == 2);
    CHECK(net.total_length() == doctest::Approx(200 + 200 + 150 + 100));

    // A facility 10 m off road A at x = 0.
    const auto facility = net.attach({0, 10}, 500);
    REQUIRE(facility);
    CHECK(facility->distance == doctest::Approx(10));
    const std::vector<geo::RoadNetwork::Attachment> sources{*facility};
    const auto dist = net.distances_from(sources, 10000);

    // An enterprise at the top of road B: 10 + 100 along A + 100 up B = 210 (straight: 141 m).
    const auto top = net.attach({100, 100}, 500);
    REQUIRE(top);
    CHECK(net.distance_to(*top, dist, sources) == doctest::Approx(210));
    // At the end of the dead end: 10 + 200 + 150 = 360.
    const auto end = net.attach({205, 150}, 500);
    REQUIRE(end);
    CHECK(end->distance == doctest::Approx(5));
    CHECK(net.distance_to(*end, dist, sources) == doctest::Approx(365));
    // On the same segment as the facility: no detour through a node.
    const auto near = net.attach({50, -20}, 500);
    CHECK(net.distance_to(*near, dist, sources) == doctest::Approx(10 + 50 + 20));
    // The detached piece is never reached; a point far from every road does not attach.
    const auto detached = net.attach({1050, 1010}, 500);
    REQUIRE(detached);
    CHECK(std::isinf(net.distance_to(*detached, dist, sources)));
    CHECK_FALSE(net.attach({5000, 5000}, 500).has_value());
    // A cutoff stops the search: within 150 m, the top of B (210 m) is out of reach.
    const auto short_reach = net.distances_from(sources, 150);
    CHECK(net.distance_to(*top, short_reach, sources) > 150);
}

TEST_CASE("the reached stretches of road stop where the distance runs out")
{
    // The same graph; a facility 10 m off road A at x = 50, cutoff 100 m: 90 m of road on
    // either side of x = 50 (from x = 0, the start of A, to x = 140), and up and down B
    // from the crossing for 100 - 10 - 50 = 40 m each way. Nothing of C or D.
    const geo::GeometryColumn roads = test::from_wkt(geo::GeomKind::Line, {
        "LINESTRING (0 0, 200 0)", "LINESTRING (100 -100, 100 100)", "LINESTRING (200 0, 200 150)",
        "LINESTRING (1000 1000, 1100 1000)"});
    const geo::RoadNetwork net(roads);
    const std::vector<geo::RoadNetwork::Attachment> sources{*net.attach({50, 10}, 500)};
    const auto pieces = net.reached_pieces(net.distances_from(sources, 100), sources, 100);
    double along_a = 0, along_b = 0, min_x = 1e9, max_x = -1e9, min_y = 1e9, max_y = -1e9;
    for (const auto& [p, q] : pieces) {
        const double len = std::hypot(q.x - p.x, q.y - p.y);
        if (p.y == 0 && q.y == 0) {
            along_a += len;
            min_x = std::min({min_x, p.x, q.x});
            max_x = std::max({max_x, p.x, q.x});
        } else {
            REQUIRE(p.x == doctest::Approx(100));
            along_b += len;
            min_y = std::min({min_y, p.y, q.y});
            max_y = std::max({max_y, p.y, q.y});
        }
    }
    CHECK(along_a == doctest::Approx(140));
    CHECK(min_x == doctest::Approx(0));
    CHECK(max_x == doctest::Approx(140));
    CHECK(along_b == doctest::Approx(80));
    CHECK(min_y == doctest::Approx(-40));
    CHECK(max_y == doctest::Approx(40));
}

TEST_CASE("bad road layers are clear errors")
{
    CHECK_THROWS_WITH_AS(geo::RoadNetwork(test::from_wkt(geo::GeomKind::Point, {"POINT (0 0)"})),
                         doctest::Contains("needs a line layer, not points"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::RoadNetwork(geo::GeometryColumn(geo::GeomKind::Line)), doctest::Contains("roads layer is empty"), geo::Error);
}

#include "geo/core/layer.h"
#include "geo/coverage/network_state.h"
#include "geo/coverage/straight_coverage.h"
#include "geo/synth/random.h"

TEST_CASE("network coverage after facility moves, an addition and a removal equals a fresh computation")
{
    // A 10 x 10 grid of streets 200 m apart.
    geo::GeometryColumn roads(geo::GeomKind::Line);
    for (int k = 0; k <= 10; ++k) {
        test::add_wkt(roads, "LINESTRING (0 " + std::to_string(k * 200) + ", 2000 " + std::to_string(k * 200) + ")");
        test::add_wkt(roads, "LINESTRING (" + std::to_string(k * 200) + " 0, " + std::to_string(k * 200) + " 2000)");
    }
    const geo::RoadNetwork net(roads);
    geo::Random rng(9);
    std::vector<geo::Coord> firms, fac;
    for (int i = 0; i < 500; ++i) firms.push_back({rng.uniform(0, 2000), rng.uniform(0, 2000)});
    for (int i = 0; i < 8; ++i) fac.push_back({rng.uniform(0, 2000), rng.uniform(0, 2000)});
    const std::vector<int32_t> type_of{0, 0, 0, 0, 1, 1, 1, 1};
    const std::vector<geo::FacilityType> types{{"bus_stop", "公交站点", {300, 500}}, {"clinic", "卫生服务站", {800}}};
    geo::NetworkCoverageState state(net, firms, types, fac, type_of, 300);
    std::vector<int32_t> types_now = type_of;
    for (int m = 0; m < 10; ++m) {
        const uint32_t id = static_cast<uint32_t>(rng.integer(0, 7));
        fac[id] = {rng.uniform(0, 2000), rng.uniform(0, 2000)};
        state.move(id, fac[id]);
    }
    // An addition and a removal too; the ids follow CoverageState's.
    fac.push_back({rng.uniform(0, 2000), rng.uniform(0, 2000)});
    types_now.push_back(1);
    CHECK(state.add(fac.back(), 1) == 8u);
    state.remove(2);
    types_now[2] = -1;
    // The same through the batch function, from layers.
    geo::Layer facilities;
    facilities.geometry = geo::GeometryColumn(geo::GeomKind::Point);
    facilities.columns = {geo::Column("type", geo::FieldType::String)};
    for (size_t i = 0; i < fac.size(); ++i) {
        facilities.geometry.add_point(fac[i]);
        facilities.fids.push_back(static_cast<int64_t>(i));
        if (types_now[i] < 0) facilities.columns[0].push_null();  // removed: a facility of no type is left out
        else facilities.columns[0].push_string(types[static_cast<size_t>(types_now[i])].code);
    }
    geo::GeometryColumn firm_points(geo::GeomKind::Point);
    for (const auto& p : firms) firm_points.add_point(p);
    const geo::NetworkCoverage fresh = geo::network_coverage(firm_points, facilities, facilities.columns[0], types, net, 300);
    for (size_t t = 0; t < 2; ++t)
        for (size_t e = 0; e < firms.size(); ++e) REQUIRE(state.distance(t, e) == fresh.distance[t][e]);
}
