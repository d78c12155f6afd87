#include <doctest/doctest.h>

#include <cmath>

#include "geo/core/error.h"
#include "geo/io/crs.h"
#include "geo/io/web_map_coords.h"
#include "geo/synth/random.h"

TEST_CASE("default working CRS: CGCS2000 3-degree zones in China, UTM elsewhere")
{
    CHECK(geo::default_working_epsg(106.5, 29.5) == 4545);  // 106.5 / 3 = 35.5 rounds to 36: CM 108E
    CHECK(geo::default_working_epsg(105.4, 29.4) == 4544);  // Rongchang: CM 105E
    CHECK(geo::default_working_epsg(109.9, 31.0) == 4546);  // Wushan: CM 111E
    CHECK(geo::default_working_epsg(75.0, 39.0) == 4534);
    CHECK(geo::default_working_epsg(135.0, 48.0) == 4554);
    CHECK(geo::default_working_epsg(-0.12, 51.5) == 32630);  // London
    CHECK(geo::default_working_epsg(151.2, -33.9) == 32756); // Sydney
}

TEST_CASE("CRS parsing: codes, bare numbers, errors naming the text")
{
    CHECK(geo::parse_crs("EPSG:4490").code() == "EPSG:4490");
    CHECK(geo::parse_crs("4545").code() == "EPSG:4545");
    CHECK(geo::parse_crs("EPSG:4326").is_geographic());
    try {
        geo::parse_crs("EPSG:99999999");
        FAIL("expected an error");
    } catch (const geo::Error& e) {
        CHECK(std::string(e.what()).find("EPSG:99999999") != std::string::npos);
    }
}

TEST_CASE("transforming keeps longitude first and marks failures as infinite")
{
    geo::Transformer t(geo::wgs84(), geo::parse_crs("EPSG:4545"));
    std::vector<geo::Coord> c{{108.0, 30.0}, {108.0, 95.0}};
    t.transform(c);
    CHECK(c[0].x == doctest::Approx(500000).epsilon(1e-9));  // the central meridian is at the false easting
    CHECK(c[0].y == doctest::Approx(3320000).epsilon(0.01));
    CHECK_FALSE(std::isfinite(c[1].x));
}

TEST_CASE("GCJ-02 round trip within 0.01 m anywhere in China, outside China unchanged")
{
    geo::Random rng(5);
    double worst = 0;
    for (int i = 0; i < 20000; ++i) {
        const geo::Coord w{rng.uniform(73.7, 135.0), rng.uniform(18.2, 53.5)};
        const geo::Coord back = geo::gcj02_to_wgs84(geo::wgs84_to_gcj02(w));
        const double metres = std::hypot((back.x - w.x) * 111320 * std::cos(w.y * 0.01745329), (back.y - w.y) * 110540);
        worst = std::max(worst, metres);
    }
    CHECK(worst < 0.01);
    // The offset itself is a few hundred metres in Chongqing.
    const geo::Coord cq{106.55, 29.56};
    const geo::Coord g = geo::wgs84_to_gcj02(cq);
    const double shift = std::hypot((g.x - cq.x) * 96800, (g.y - cq.y) * 110540);
    CHECK(shift > 200);
    CHECK(shift < 800);
    const geo::Coord paris{2.35, 48.85};
    CHECK(geo::wgs84_to_gcj02(paris) == paris);
    CHECK(geo::gcj02_to_wgs84(paris) == paris);
}

TEST_CASE("BD-09 round trip through GCJ-02")
{
    const geo::Coord w{106.55, 29.56};
    const geo::Coord bd = geo::gcj02_to_bd09(geo::wgs84_to_gcj02(w));
    const geo::Coord back = geo::to_wgs84(geo::WebMapCoords::Bd09, bd);
    CHECK(std::abs(back.x - w.x) < 1e-8);
    CHECK(std::abs(back.y - w.y) < 1e-8);
    CHECK(geo::parse_web_map_coords("GCJ-02") == geo::WebMapCoords::Gcj02);
    CHECK_THROWS_AS(geo::parse_web_map_coords("mars"), geo::Error);
}
