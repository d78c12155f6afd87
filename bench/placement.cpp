// Placement at size: random applicants (floor need, jobs, power and water demand) and vacant
// sites in 15 parks with a suitability score per pair, solved by the regret heuristic with
// its Lagrangian bound and, where asked, exactly by CBC. Prints time, value, bound and gap.
//
//   build/bench/bench_placement APPLICANTS SITES [--exact] [--max-seconds S]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "geo/allocate/placement.h"

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_placement APPLICANTS SITES [--exact] [--max-seconds S]\n");
        return 2;
    }
    const size_t na = std::strtoul(argv[1], nullptr, 10), ns = std::strtoul(argv[2], nullptr, 10);
    bool exact = false;
    double seconds = 0;
    for (int i = 3; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--exact")) exact = true;
        if (!std::strcmp(argv[i], "--max-seconds") && i + 1 < argc) seconds = std::atof(argv[++i]);
    }
    std::mt19937 rng(20261129);
    std::uniform_real_distribution<double> u(0, 1);
    geo::PlacementProblem p;
    p.applicants = na;
    p.sites = ns;
    p.parks = 15;
    p.factors = 2;
    for (size_t s = 0; s < ns; ++s) {
        p.site_floor.push_back(std::round(5000 + 60000 * u(rng)));
        p.multi_tenant.push_back(u(rng) < 0.1);
        p.park_of_site.push_back(static_cast<int32_t>(s % 15));
    }
    // Each park's suitability for each of 8 clusters; an applicant's score at a site mixes its
    // cluster's fit there with the site's own coverage and its tier.
    std::vector<double> fit(15 * 8), coverage(ns);
    for (double& f : fit) f = u(rng);
    for (double& c : coverage) c = u(rng);
    p.offset.push_back(0);
    double total_power = 0, total_water = 0;
    for (size_t a = 0; a < na; ++a) {
        const double need = std::round(2000 + 20000 * std::pow(u(rng), 2));
        const size_t cluster = static_cast<size_t>(u(rng) * 8);
        const double tier = u(rng);
        const double jobs = std::round(need / (60 + 80 * u(rng)));
        for (size_t s = 0; s < ns; ++s) {
            if (need > p.site_floor[s]) continue;
            p.site.push_back(static_cast<uint32_t>(s));
            p.score.push_back(0.4 * fit[static_cast<size_t>(p.park_of_site[s]) * 8 + cluster] + 0.3 * coverage[s] + 0.3 * tier);
            p.floor.push_back(need);
        }
        p.offset.push_back(p.site.size());
        p.demand.push_back(need * 0.05);  // kW at 0.05 kW/m²
        p.demand.push_back(jobs * (cluster == 3 ? 1.2 : 0.35));
        total_power += p.demand[p.demand.size() - 2];
        total_water += p.demand.back();
    }
    // Parks hold about 60% of the demand: capacity binds somewhere.
    for (size_t q = 0; q < 15; ++q) {
        p.headroom.push_back(0.6 * total_power / 15 * (0.5 + u(rng)));
        p.headroom.push_back(0.6 * total_water / 15 * (0.5 + u(rng)));
    }
    geo::PlacementOptions o;
    o.exact = exact;
    o.limits.max_seconds = seconds;
    const auto t0 = std::chrono::steady_clock::now();
    const geo::PlacementResult r = geo::place_applicants(p, o);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    size_t placed = 0;
    for (int64_t s : r.site_of) placed += s >= 0;
    std::printf("%zu applicants x %zu sites (%zu feasible pairs): %s, placed %zu, value %.4f, bound %.4f, gap %.3f%%, %.2f s; %s\n", na, ns,
                p.site.size(), r.status.c_str(), placed, r.value, r.bound, 100 * r.gap, secs, r.method.c_str());
    return geo::placement_violation(p, r.site_of).empty() ? 0 : 1;
}
