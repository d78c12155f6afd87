#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "geo/cad/cad_layers.h"
#include "geo/cad/registration.h"
#include "geo/core/error.h"
#include "test_support.h"

namespace {

// A known similarity: scale 1.0002, 30 degrees, shift to (427000, 3270000).
geo::Coord known(geo::Coord p)
{
    const double s = 1.0002, r = M_PI / 6;
    return {427000 + s * (std::cos(r) * p.x - std::sin(r) * p.y), 3270000 + s * (std::sin(r) * p.x + std::cos(r) * p.y)};
}

}  // namespace

TEST_CASE("registration: a similarity from two points and an affine from three reproduce a known transform exactly")
{
    std::vector<geo::ControlPoint> pts;
    for (geo::Coord p : {geo::Coord{0, 0}, geo::Coord{500, 0}, geo::Coord{0, 300}, geo::Coord{420, 260}}) pts.push_back({"", p, known(p)});
    const auto two = geo::fit_plane_transform({pts[0], pts[1]}, geo::PlaneTransformKind::Similarity);
    CHECK(two.transform.scale() == doctest::Approx(1.0002).epsilon(1e-12));
    CHECK(two.transform.rotation_deg() == doctest::Approx(30).epsilon(1e-10));
    CHECK(two.redundancy == 0);
    const geo::Coord q = two.transform.apply({123, 456}), k = known({123, 456});
    CHECK(std::hypot(q.x - k.x, q.y - k.y) < 1e-6);
    const auto three = geo::fit_plane_transform({pts[0], pts[1], pts[2]}, geo::PlaneTransformKind::Affine);
    const geo::Coord a = three.transform.apply({-80, 910});
    CHECK(std::hypot(a.x - known({-80, 910}).x, a.y - known({-80, 910}).y) < 1e-6);
    // Four exact points: redundancy 4 (similarity) and 2 (affine), residuals nil.
    const auto four = geo::fit_plane_transform(pts, geo::PlaneTransformKind::Similarity);
    CHECK(four.redundancy == 4);
    CHECK(four.rms_m < 1e-6);
}

TEST_CASE("registration: residuals and RMS by hand; too few, coincident and collinear points are named")
{
    // A shift by (10, 20) seen through four corners of a square, one of them 0.4 m off in east:
    // the fit against the least-squares closed form on centred coordinates (centroid of the
    // targets: 60.1, 70), each residual against the transformed point, the RMS over the four
    // redundant observations, and the bad point showing the largest residual.
    std::vector<geo::ControlPoint> pts;
    for (geo::Coord p : {geo::Coord{0, 0}, geo::Coord{100, 0}, geo::Coord{100, 100}, geo::Coord{0, 100}}) pts.push_back({"", p, {p.x + 10, p.y + 20}});
    pts[0].target.x += 0.4;
    const auto r = geo::fit_plane_transform(pts, geo::PlaneTransformKind::Similarity);
    double sxx = 0, sxe = 0, sxn = 0, sye = 0, syn = 0;
    for (const auto& p : pts) {
        const double x = p.local.x - 50, y = p.local.y - 50, e = p.target.x - 60.1, n = p.target.y - 70;
        sxx += x * x + y * y, sxe += x * e, sye += y * e, sxn += x * n, syn += y * n;
    }
    CHECK(r.transform.a == doctest::Approx((sxe + syn) / sxx));
    CHECK(r.transform.d == doctest::Approx((sxn - sye) / sxx));
    double sum2 = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        const geo::Coord q = r.transform.apply(pts[i].local);
        CHECK(r.residual_m[i] == doctest::Approx(std::hypot(q.x - pts[i].target.x, q.y - pts[i].target.y)));
        sum2 += r.residual_m[i] * r.residual_m[i];
    }
    CHECK(r.rms_m == doctest::Approx(std::sqrt(sum2 / 4)));
    CHECK(r.residual_m[0] > r.residual_m[1]);  // the point that is off shows

    CHECK_THROWS_WITH_AS(geo::fit_plane_transform({pts[0]}, geo::PlaneTransformKind::Similarity), doctest::Contains("at least 2 control points"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::fit_plane_transform({pts[0], pts[1]}, geo::PlaneTransformKind::Affine), doctest::Contains("at least 3"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::fit_plane_transform({{"", {5, 5}, {1, 1}}, {"", {5, 5}, {2, 2}}}, geo::PlaneTransformKind::Similarity),
                         doctest::Contains("one place"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::fit_plane_transform({{"", {0, 0}, {1, 1}}, {"", {1, 1}, {2, 2}}, {"", {2, 2}, {3, 3}}}, geo::PlaneTransformKind::Affine),
                         doctest::Contains("one line"), geo::Error);
}

TEST_CASE("eastings with the zone number in front, control points in survey order (X north, Y east)")
{
    int zone = 0;
    CHECK(geo::easting_without_zone(36427000.25, zone) == doctest::Approx(427000.25));
    CHECK(zone == 36);
    CHECK(geo::easting_without_zone(427000.25, zone) == doctest::Approx(427000.25));
    CHECK(zone == 0);
    const test::ScratchDir scratch("control");
    const auto dir = scratch.path;
    {
        std::ofstream f(dir / "c.csv");
        f << "点号,x,y,X,Y\nK1,0,0,3270000.5,36427000.25\nK2,100,0,3270000.5,36427100.25\n";
    }
    const auto pts = geo::read_control_points(dir / "c.csv", zone);
    REQUIRE(pts.size() == 2);
    CHECK(zone == 36);
    CHECK(pts[0].id == "K1");
    CHECK(pts[1].target.x == doctest::Approx(427100.25));  // east from Y, the zone taken off
    CHECK(pts[1].target.y == doctest::Approx(3270000.5));  // north from X
    {
        std::ofstream f(dir / "mixed.csv");
        f << "id,x,y,east,north\nA,0,0,36427000,3270000\nB,1,0,427001,3270000\n";
    }
    CHECK_THROWS_WITH_AS(geo::read_control_points(dir / "mixed.csv", zone), doctest::Contains("without a zone number"), geo::Error);
    {
        std::ofstream f(dir / "bad.csv");
        f << "id,x,y,east,north\nA,0,zero,427000,3270000\n";
    }
    CHECK_THROWS_WITH_AS(geo::read_control_points(dir / "bad.csv", zone), doctest::Contains("line 2"), geo::Error);
}

TEST_CASE("FAR labels as numbers: the last number written")
{
    CHECK(geo::number_in_label("容积率≤2.0") == doctest::Approx(2.0));
    CHECK(geo::number_in_label("FAR 1.5") == doctest::Approx(1.5));
    CHECK(geo::number_in_label("1.2-2.5") == doctest::Approx(2.5));
    CHECK(std::isnan(geo::number_in_label("工业用地")));
}
