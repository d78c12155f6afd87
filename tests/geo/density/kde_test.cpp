#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

#include "geo/core/error.h"
#include "geo/density/kde.h"
#include "geo/synth/random.h"

namespace {

const geo::Kernel kAll[] = {geo::Kernel::Quartic, geo::Kernel::Triweight, geo::Kernel::Epanechnikov,
                            geo::Kernel::Uniform, geo::Kernel::Triangular, geo::Kernel::Gaussian};

struct Sample {
    std::vector<geo::Coord> points;
    std::vector<double> weights;
};

// Two clusters and an isolated point (the hardest case for binning), weighted.
Sample sample(int n)
{
    geo::Random rng(99);
    Sample s;
    for (int i = 0; i < n; ++i) {
        const geo::Coord c = i % 3 == 0 ? geo::Coord{1000, 1000} : geo::Coord{2600, 1800};
        s.points.push_back({c.x + rng.normal() * 300, c.y + rng.normal() * 250});
        s.weights.push_back(1 + std::floor(rng.uniform() * 50));
    }
    s.points.push_back({4000.3, 400.7});
    s.weights.push_back(80);
    return s;
}

// Every point's kernel at every cell centre: the reference.
std::vector<double> brute_force(const Sample& s, const geo::GridSpec& g, geo::Kernel k, double h, double scale)
{
    std::vector<double> out(g.cells(), 0.0);
    for (size_t r = 0; r < g.rows; ++r)
        for (size_t c = 0; c < g.cols; ++c) {
            const geo::Coord cc = g.centre(c, r);
            for (size_t i = 0; i < s.points.size(); ++i)
                out[r * g.cols + c] += s.weights[i] * scale *
                                       geo::kernel_profile(k, std::hypot(s.points[i].x - cc.x, s.points[i].y - cc.y) / h);
        }
    return out;
}

geo::Envelope box_of(const Sample& s)
{
    geo::Envelope e;
    for (const auto& p : s.points) e.expand(p.x, p.y);
    return e;
}

}  // namespace

TEST_CASE("the exact method equals brute force for every kernel, binned is within 0.5% of the peak for smooth ones")
{
    const Sample s = sample(300);
    for (geo::Kernel k : kAll) {
        CAPTURE(geo::to_string(k));
        geo::KdeOptions o;
        o.kernel = k;
        o.radius_m = k == geo::Kernel::Gaussian ? 300 : 600;  // 12 cells (Gaussian: σ of 6, reaching 4σ)
        o.cell_m = 50;
        o.method = geo::KdeMethod::Exact;
        const geo::KdeResult exact = geo::kernel_density(s.points, s.weights, o, box_of(s), true);
        const std::vector<double> ref = brute_force(s, exact.raster.grid, k, o.radius_m, 1.0);
        double peak = 0, worst = 0;
        for (size_t i = 0; i < ref.size(); ++i) {
            peak = std::max(peak, ref[i]);
            worst = std::max(worst, std::abs(exact.raster.values[i] - ref[i]));
        }
        CHECK(worst <= 1e-6 * peak);  // float32 storage of a double sum
        if (!geo::kernel_is_smooth(k)) continue;
        o.method = geo::KdeMethod::Binned;
        const geo::KdeResult fast = geo::kernel_density(s.points, s.weights, o, box_of(s), true);
        REQUIRE(fast.raster.values.size() == ref.size());
        double worst_binned = 0;
        for (size_t i = 0; i < ref.size(); ++i) worst_binned = std::max(worst_binned, std::abs(fast.raster.values[i] - ref[i]));
        CHECK(worst_binned <= 0.005 * peak);
    }
}

TEST_CASE("auto picks binned only where it is accurate: smooth kernels at least 12 cells wide")
{
    const Sample s = sample(30);
    geo::KdeOptions o;  // quartic, 1000 m, 50 m cells
    CHECK(geo::kernel_density(s.points, s.weights, o, box_of(s), true).method == geo::KdeMethod::Binned);
    o.radius_m = 300;
    CHECK(geo::kernel_density(s.points, s.weights, o, box_of(s), true).method == geo::KdeMethod::Exact);
    o.radius_m = 1000;
    o.kernel = geo::Kernel::Uniform;
    CHECK(geo::kernel_density(s.points, s.weights, o, box_of(s), true).method == geo::KdeMethod::Exact);
}

TEST_CASE("scaled surfaces integrate to the total weight when no kernel is cut by the grid edge")
{
    const Sample s = sample(300);
    double total = 0;
    for (double w : s.weights) total += w;
    for (geo::Kernel k : kAll) {
        CAPTURE(geo::to_string(k));
        geo::KdeOptions o;
        o.kernel = k;
        o.radius_m = k == geo::Kernel::Gaussian ? 150 : 600;
        o.cell_m = 50;
        o.values = geo::KdeValues::PerKm2;
        const geo::KdeResult r = geo::kernel_density(s.points, s.weights, o, box_of(s), true);
        double sum = 0;
        for (float v : r.raster.values) sum += v;
        const double mass = sum * (o.cell_m * o.cell_m / 1e6);  // weight per km² times km² per cell
        CHECK(mass == doctest::Approx(total).epsilon(0.005));
        CHECK(r.total_weight == doctest::Approx(total));
    }
}

TEST_CASE("bandwidth rules against hand-computed values")
{
    const std::vector<geo::Coord> square{{0, 0}, {2, 0}, {0, 2}, {2, 2}};
    // Unweighted: SD = Dm = √2, so h = 0.9 · √2 · 4^(-1/5).
    CHECK(geo::silverman_bandwidth(square, {}) == doctest::Approx(0.9 * std::sqrt(2.0) * std::pow(4.0, -0.2)));
    // Weights 1, 1, 1, 3: mean centre (4/3, 4/3); SD = √(96/54); the weighted median distance
    // is √(8/9) (the heavy corner holds half the weight), which is the smaller term.
    const std::vector<double> w{1, 1, 1, 3};
    const double sd = std::sqrt(96.0 / 54.0), dm = std::sqrt(8.0 / 9.0);
    CHECK(geo::silverman_bandwidth(square, w) ==
          doctest::Approx(0.9 * std::min(sd, std::sqrt(1 / std::log(2.0)) * dm) * std::pow(6.0, -0.2)));
    CHECK(0.9 * std::sqrt(1 / std::log(2.0)) * dm * std::pow(6.0, -0.2) == doctest::Approx(0.71222).epsilon(1e-4));
    // Scott: σx = σy = 1, so h = 4^(-1/6).
    CHECK(geo::scott_bandwidth(square, {}) == doctest::Approx(std::pow(4.0, -1.0 / 6.0)));

    geo::KdeOptions o;
    o.rule = geo::BandwidthRule::Silverman;
    o.cell_m = 0.05;
    const geo::KdeResult r = geo::kernel_density(square, {}, o, {0, 0, 2, 2}, true);
    CHECK(r.bandwidth_m == doctest::Approx(0.9 * std::sqrt(2.0) * std::pow(4.0, -0.2)));
}

TEST_CASE("same inputs, same output, bit for bit, whatever the thread count")
{
    const Sample s = sample(2000);
    for (geo::KdeMethod m : {geo::KdeMethod::Binned, geo::KdeMethod::Exact}) {
        geo::KdeOptions o;
        o.method = m;
        o.radius_m = 500;
        o.threads = 1;
        const auto a = geo::kernel_density(s.points, s.weights, o, box_of(s), true);
        o.threads = 4;
        const auto b = geo::kernel_density(s.points, s.weights, o, box_of(s), true);
        REQUIRE(a.raster.values.size() == b.raster.values.size());
        CHECK(std::memcmp(a.raster.values.data(), b.raster.values.data(), a.raster.values.size() * sizeof(float)) == 0);
    }
}

TEST_CASE("bad input is a clear error")
{
    const Sample s = sample(10);
    geo::KdeOptions o;
    CHECK_THROWS_WITH_AS(geo::kernel_density({}, {}, o, {0, 0, 1, 1}, true), doctest::Contains("selection empty"), geo::Error);
    o.radius_m = 0;
    CHECK_THROWS_WITH_AS(geo::kernel_density(s.points, s.weights, o, box_of(s), true), doctest::Contains("radius must be a positive"), geo::Error);
    o.radius_m = -5;
    CHECK_THROWS_AS(geo::kernel_density(s.points, s.weights, o, box_of(s), true), geo::Error);
    o.radius_m = 1000;
    o.cell_m = 0.01;
    CHECK_THROWS_WITH_AS(geo::kernel_density(s.points, s.weights, o, box_of(s), true), doctest::Contains("larger than allowed"), geo::Error);
    o.cell_m = 50;
    std::vector<double> bad = s.weights;
    bad[0] = -1;
    CHECK_THROWS_WITH_AS(geo::kernel_density(s.points, bad, o, box_of(s), true), doctest::Contains("not negative"), geo::Error);
    const std::vector<geo::Coord> same{{5, 5}, {5, 5}};
    o.rule = geo::BandwidthRule::Silverman;
    CHECK_THROWS_WITH_AS(geo::kernel_density(same, {}, o, {0, 0, 10, 10}, true), doctest::Contains("no usable bandwidth"), geo::Error);
}
