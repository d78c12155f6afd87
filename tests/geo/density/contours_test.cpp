#include <doctest/doctest.h>

#include <cmath>

#include "geo/core/error.h"
#include "geo/density/contours.h"
#include "geo/density/kde.h"

TEST_CASE("a footprint around one point is a disc of the right size, contours carry their level")
{
    // One point, uniform kernel of 1000 m, exact: value 1 inside the disc, 0 outside.
    geo::KdeOptions o;
    o.kernel = geo::Kernel::Uniform;
    o.radius_m = 1000;
    o.cell_m = 20;
    const std::vector<geo::Coord> one{{500000, 3300000}};
    const geo::KdeResult r = geo::kernel_density(one, {}, o, {499000, 3299000, 501000, 3301000}, true);
    const geo::Layer f = geo::density_footprints(r.raster, 0.5);
    REQUIRE(f.size() == 1);
    const double area = geo::polygon_area(f.geometry, 0);
    CHECK(area == doctest::Approx(3.14159265 * 1000 * 1000).epsilon(0.03));
    CHECK(f.columns[1].real(0) == doctest::Approx(area / 1e6));

    o.kernel = geo::Kernel::Quartic;
    const geo::KdeResult q = geo::kernel_density(one, {}, o, {499000, 3299000, 501000, 3301000}, true);
    const geo::Layer c = geo::density_contours(q.raster, {0.25, 0.5});
    REQUIRE(c.size() >= 2);
    REQUIRE(c.column("level"));
    // The 0.5 contour of (1 - u²)² lies at u² = 1 - √0.5, i.e. 541 m from the point; it must
    // be there (a missing contour would otherwise pass unchecked).
    size_t half_contours = 0;
    for (size_t i = 0; i < c.size(); ++i) {
        if (c.column("level")->real(i) != 0.5) continue;
        ++half_contours;
        const auto ring = c.geometry.ring(c.geometry.ring_begin(c.geometry.part_begin(i)));
        for (const geo::Coord& p : ring)
            CHECK(std::hypot(p.x - 500000, p.y - 3300000) == doctest::Approx(1000 * std::sqrt(1 - std::sqrt(0.5))).epsilon(0.03));
    }
    CHECK(half_contours == 1);
    CHECK_THROWS_AS(geo::density_contours(q.raster, {}), geo::Error);
}
