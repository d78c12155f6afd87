#include <doctest/doctest.h>

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

TEST_CASE("bad road layers are clear errors")
{
    CHECK_THROWS_WITH_AS(geo::RoadNetwork(test::from_wkt(geo::GeomKind::Point, {"POINT (0 0)"})),
                         doctest::Contains("needs a line layer, not points"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::RoadNetwork(geo::GeometryColumn(geo::GeomKind::Line)), doctest::Contains("roads layer is empty"), geo::Error);
}
