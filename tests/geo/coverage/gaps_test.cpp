#include <doctest/doctest.h>

#include <cmath>

#include "geo/coverage/gaps.h"
#include "geo/synth/random.h"

TEST_CASE("the best new location covers the most uncovered employees, gap areas surround them")
{
    geo::Random rng(2);
    std::vector<geo::Coord> pts;
    std::vector<double> jobs;
    std::vector<uint8_t> uncovered;
    // Ten small firms near (1000, 1000), five large ones near (5000, 5000), and covered ones elsewhere.
    for (int i = 0; i < 10; ++i) {
        pts.push_back({1000 + rng.normal() * 40, 1000 + rng.normal() * 40});
        jobs.push_back(10);
        uncovered.push_back(1);
    }
    for (int i = 0; i < 5; ++i) {
        pts.push_back({5000 + rng.normal() * 40, 5000 + rng.normal() * 40});
        jobs.push_back(100);
        uncovered.push_back(1);
    }
    for (int i = 0; i < 50; ++i) {
        pts.push_back({rng.uniform(0, 8000), rng.uniform(0, 8000)});
        jobs.push_back(1000);
        uncovered.push_back(0);
    }
    const geo::SiteSuggestion s = geo::best_new_location(pts, jobs, uncovered, 300);
    CHECK(s.enterprises == 5);
    CHECK(s.employees == doctest::Approx(500));
    CHECK(std::hypot(s.at.x - 5000, s.at.y - 5000) < 300);
    // Counting enterprises instead, the ten small firms win.
    const geo::SiteSuggestion by_count = geo::best_new_location(pts, {}, uncovered, 300);
    CHECK(by_count.enterprises == 10);
    CHECK(geo::best_new_location(pts, jobs, std::vector<uint8_t>(pts.size(), 0), 300).enterprises == 0);

    const geo::Layer gaps = geo::gap_areas(pts, jobs, uncovered, 300);
    REQUIRE(gaps.size() >= 1);
    int64_t inside = 0;
    double employees = 0;
    for (size_t i = 0; i < gaps.size(); ++i) {
        inside += gaps.columns[0].integer(i);
        employees += gaps.columns[1].real(i);
    }
    CHECK(employees >= 500);  // the large firms' gap at least
    CHECK(inside <= 15);      // covered firms never count
}

TEST_CASE("the best new location agrees with a brute-force search over the same candidates")
{
    geo::Random rng(7);
    std::vector<geo::Coord> pts;
    std::vector<double> jobs;
    std::vector<uint8_t> uncovered;
    for (int i = 0; i < 3000; ++i) {
        // Clumps and scatter, on both sides of zero (negative cell indices).
        const double cx = (i % 3) * 900.0 - 800, cy = (i % 5) * 700.0 - 1500;
        pts.push_back(i % 4 ? geo::Coord{cx + rng.normal() * 150, cy + rng.normal() * 150}
                            : geo::Coord{rng.uniform(-3000, 3000), rng.uniform(-3000, 3000)});
        jobs.push_back(std::floor(rng.uniform(1, 200)));
        uncovered.push_back(rng.uniform(0, 1) < 0.6);
    }
    const double radius = 400, fine = radius / 4;
    auto score_at = [&](geo::Coord c) {
        std::pair<int64_t, double> s{0, 0};
        for (size_t i = 0; i < pts.size(); ++i)
            if (uncovered[i] && std::hypot(pts[i].x - c.x, pts[i].y - c.y) <= radius) {
                ++s.first;
                s.second += jobs[i];
            }
        return s;
    };
    const geo::SiteSuggestion s = geo::best_new_location(pts, jobs, uncovered, radius);
    const auto at = score_at(s.at);
    CHECK(s.enterprises == at.first);
    CHECK(s.employees == doctest::Approx(at.second));
    double brute_best = 0;
    for (size_t i = 0; i < pts.size(); ++i)
        if (uncovered[i]) {
            const geo::Coord c{(std::floor(pts[i].x / fine) + 0.5) * fine, (std::floor(pts[i].y / fine) + 0.5) * fine};
            brute_best = std::max(brute_best, score_at(c).second);
        }
    CHECK(s.employees == doctest::Approx(brute_best));
}
