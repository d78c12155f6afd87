#include <doctest/doctest.h>

#include <vector>

#include "geo/core/measure.h"

TEST_CASE("measure: a 1 km square near the central meridian, a degree along the equator, the units planners read")
{
    // EPSG:4545 is Gauss-Kruger with its central meridian at 108E (false easting 500 km):
    // a square there measures the same in the plane and on the ellipsoid, to the map's scale.
    const geo::Transformer gk(geo::parse_crs("EPSG:4545"), geo::wgs84());
    const std::vector<geo::Coord> square = {{500000, 3300000}, {501000, 3300000}, {501000, 3301000}, {500000, 3301000}};
    const geo::Measurement m = geo::measure(square, gk, true);
    CHECK(m.area_m2 == doctest::Approx(1e6));
    CHECK(m.geodesic_area_m2 == doctest::Approx(1e6).epsilon(1e-3));
    CHECK(m.length_m == doctest::Approx(4000));
    CHECK(m.geodesic_length_m == doctest::Approx(4000).epsilon(1e-3));
    const geo::Measurement open = geo::measure(square, gk, false);
    CHECK(open.length_m == doctest::Approx(3000));
    CHECK(open.area_m2 == 0);
    // One degree of longitude on the equator: 111,319.49 m on WGS 84 (Web Mercator is true there).
    const geo::Transformer merc(geo::parse_crs("EPSG:3857"), geo::wgs84());
    const std::vector<geo::Coord> degree = {{0, 0}, {111319.490793, 0}};
    CHECK(geo::measure(degree, merc, false).geodesic_length_m == doctest::Approx(111319.49).epsilon(1e-6));
    CHECK(geo::length_text(850) == "850 m");
    CHECK(geo::length_text(12345) == "12.35 km");
    CHECK(geo::area_text(1e6) == "1,000,000 m² · 100.00 ha · 1500.0 亩");
}
