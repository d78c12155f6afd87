#include <doctest/doctest.h>

#include "render/camera.h"

TEST_CASE("camera: screen and map round trip, zoom about the cursor keeps it fixed")
{
    render::Camera cam;
    cam.set_viewport(800, 600);
    cam.set({500000, 3300000}, 10);
    for (auto [sx, sy] : {std::pair{0.0, 0.0}, {800.0, 600.0}, {123.5, 456.25}}) {
        const auto back = cam.map_to_screen(cam.screen_to_map(sx, sy));
        CHECK(back[0] == doctest::Approx(sx));
        CHECK(back[1] == doctest::Approx(sy));
    }
    CHECK(cam.screen_to_map(400, 300).x == doctest::Approx(500000));
    CHECK(cam.screen_to_map(400, 0).y == doctest::Approx(3300000 + 3000));  // y up on the map, down on screen
    const geo::Coord under = cam.screen_to_map(100, 200);
    cam.zoom_about(100, 200, 2.0);
    CHECK(cam.metres_per_pixel() == doctest::Approx(5));
    CHECK(cam.screen_to_map(100, 200).x == doctest::Approx(under.x));
    CHECK(cam.screen_to_map(100, 200).y == doctest::Approx(under.y));
    cam.pan_pixels(10, -20);
    CHECK(cam.screen_to_map(110, 180).x == doctest::Approx(under.x));
    CHECK(cam.screen_to_map(110, 180).y == doctest::Approx(under.y));
}

TEST_CASE("camera: fit shows the whole box, the clip matrix maps the view to [-1, 1]")
{
    render::Camera cam;
    cam.set_viewport(1000, 500);
    cam.fit({0, 0, 4000, 1000}, 0.0);
    const geo::Envelope v = cam.visible();
    CHECK(v.min_x <= 0);
    CHECK(v.max_x >= 4000);
    CHECK(v.min_y <= 0);
    CHECK(v.max_y >= 1000);
    const geo::Coord origin{1000, 1000};
    const auto m = cam.clip_matrix(origin);
    auto clip = [&](geo::Coord p) {
        const double x = p.x - origin.x, y = p.y - origin.y;
        return std::pair{m[0] * x + m[3] * y + m[6], m[1] * x + m[4] * y + m[7]};
    };
    const auto [x0, y0] = clip({v.min_x, v.min_y});
    const auto [x1, y1] = clip({v.max_x, v.max_y});
    CHECK(x0 == doctest::Approx(-1).epsilon(1e-5));
    CHECK(y0 == doctest::Approx(-1).epsilon(1e-5));
    CHECK(x1 == doctest::Approx(1).epsilon(1e-5));
    CHECK(y1 == doctest::Approx(1).epsilon(1e-5));
}

TEST_CASE("scale bar lengths are 1, 2 or 5 times a power of ten")
{
    CHECK(render::nice_scale_length(1234) == 1000);
    CHECK(render::nice_scale_length(2600) == 2000);
    CHECK(render::nice_scale_length(7.5) == 5);
    CHECK(render::nice_scale_length(0.3) == doctest::Approx(0.2));
}
