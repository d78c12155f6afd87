#include <doctest/doctest.h>

#include <cmath>

#include "geo/cad/datum_shift.h"
#include "geo/core/error.h"

namespace {

struct Ellipsoid {
    double a, f;
};
const Ellipsoid kKrassovsky{6378245.0, 1 / 298.3}, kCgcs2000{6378137.0, 1 / 298.257222101};

void to_ecef(Ellipsoid e, double lon, double lat, double out[3])
{
    const double e2 = e.f * (2 - e.f), la = lat * M_PI / 180, lo = lon * M_PI / 180;
    const double n = e.a / std::sqrt(1 - e2 * std::sin(la) * std::sin(la));
    out[0] = n * std::cos(la) * std::cos(lo), out[1] = n * std::cos(la) * std::sin(lo), out[2] = n * (1 - e2) * std::sin(la);
}

void from_ecef(Ellipsoid e, const double p[3], double& lon, double& lat)
{
    const double e2 = e.f * (2 - e.f), r = std::hypot(p[0], p[1]);
    lon = std::atan2(p[1], p[0]) * 180 / M_PI;
    double la = std::atan2(p[2], r * (1 - e2));
    for (int i = 0; i < 10; ++i) {
        const double n = e.a / std::sqrt(1 - e2 * std::sin(la) * std::sin(la));
        la = std::atan2(p[2] + e2 * n * std::sin(la), r);
    }
    lat = la * 180 / M_PI;
}

// The Bursa-Wolf transform by hand, position-vector rotations (EPSG 9606).
void by_hand(const geo::SevenParameters& p, double lon, double lat, double& lon2, double& lat2)
{
    double x[3], y[3];
    to_ecef(kKrassovsky, lon, lat, x);
    const double k = M_PI / 180 / 3600, rx = p.rx * k, ry = p.ry * k, rz = p.rz * k, s = 1 + p.ppm * 1e-6;
    y[0] = p.dx + s * (x[0] - rz * x[1] + ry * x[2]);
    y[1] = p.dy + s * (rz * x[0] + x[1] - rx * x[2]);
    y[2] = p.dz + s * (-ry * x[0] + rx * x[1] + x[2]);
    from_ecef(kCgcs2000, y, lon2, lat2);
}

}  // namespace

TEST_CASE("a 7-parameter datum transform from Beijing 1954 onto CGCS2000 equals the Bursa-Wolf formula by hand")
{
    // Parameters of the size published for Beijing 1954 in south-west China (made up here).
    const geo::SevenParameters p = geo::parse_seven_parameters("-15.8,136.2,55.4,0.35,-1.2,2.6,-3.1");
    const geo::Crs beijing = geo::parse_crs("EPSG:4214"), cgcs2000 = geo::parse_crs("EPSG:4490");
    for (geo::Coord c : {geo::Coord{106.55, 29.56}, geo::Coord{108.4, 30.8}, geo::Coord{105.9, 28.2}}) {
        geo::Coord q = c;
        geo::shift_datum({&q, 1}, beijing, p, cgcs2000);
        double lon = 0, lat = 0;
        by_hand(p, c.x, c.y, lon, lat);
        CHECK(q.x == doctest::Approx(lon).epsilon(1e-10));  // 1e-8 degrees is a millimetre
        CHECK(q.y == doctest::Approx(lat).epsilon(1e-10));
        CHECK(std::abs(q.x - c.x) + std::abs(q.y - c.y) > 1e-4);  // the shift is real (tens of metres)
    }
    // The coordinate-frame convention turns the rotations the other way.
    geo::SevenParameters cf = p;
    cf.coordinate_frame = true;
    geo::Coord q{106.55, 29.56};
    geo::shift_datum({&q, 1}, beijing, cf, cgcs2000);
    geo::SevenParameters flipped = p;
    flipped.rx = -p.rx, flipped.ry = -p.ry, flipped.rz = -p.rz;
    double lon = 0, lat = 0;
    by_hand(flipped, 106.55, 29.56, lon, lat);
    CHECK(q.x == doctest::Approx(lon).epsilon(1e-10));
    CHECK(q.y == doctest::Approx(lat).epsilon(1e-10));

    // Projected: Beijing 1954 / 3-degree GK CM 108E (EPSG:2433) onto CGCS2000 CM 108E (EPSG:4545),
    // checked through the same formula on the geographic coordinates.
    geo::Coord g{107.2, 29.9};
    geo::Coord b = g;
    geo::Transformer(beijing, geo::parse_crs("EPSG:2433")).transform({&b, 1});
    geo::shift_datum({&b, 1}, geo::parse_crs("EPSG:2433"), p, geo::parse_crs("EPSG:4545"));
    by_hand(p, g.x, g.y, lon, lat);
    geo::Coord e{lon, lat};
    geo::Transformer(cgcs2000, geo::parse_crs("EPSG:4545")).transform({&e, 1});
    CHECK(std::hypot(b.x - e.x, b.y - e.y) < 0.002);

    CHECK_THROWS_WITH_AS(geo::parse_seven_parameters("1,2,3,4"), doctest::Contains("not 4"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::parse_seven_parameters("1,2,x,4,5,6,7"), doctest::Contains("'x' is not a number"), geo::Error);
}
