#pragma once
// The LP bound of a placement problem, by column generation through CLP (COIN-OR's simplex,
// part of CBC). The LP has a row per applicant (placed at most once), per single-tenant site
// (one tenant), per multi-tenant site (floor area) and per park and factor (headroom), but a
// column only for the pairs that can pay: it starts from each site's and each applicant's best
// pairs and the answer in hand, and every round prices all pairs at the LP's row prices and
// adds those that would raise the LP, until none would. Whatever the round, the prices give a
// valid bound (the Lagrangian of the side rows at those prices), so a cancelled or cut-short
// solve still bounds the optimum from above. Past 25 columns per row (a very large problem)
// the LP stops and subgradient steps go on from its prices.
#include <cstdint>
#include <vector>

#include "geo/allocate/placement.h"
#include "geo/core/progress.h"

namespace geo {

struct PlacementPrices {
    // Per site, the price of its tenancy and of a square metre of its floor area; per park and
    // factor ([park * factors + k]) the price of a unit of headroom. All >= 0.
    std::vector<double> tenant, floor, park;
    double bound = 0;      // the Lagrangian bound at these prices over the usable pairs (>= the optimum)
    double lp_value = 0;   // the last restricted LP's value (<= bound; equal when converged)
    bool converged = false;  // the LP priced every pair out: bound == lp_value
    size_t columns = 0, rounds = 0;
    // The LP's answer: its pairs with a positive value, in pair order.
    std::vector<std::pair<uint64_t, double>> lp_pairs;

    // Pair k (of applicant a): its score less what it uses at these prices.
    double priced(const PlacementProblem& p, size_t a, uint64_t k) const
    {
        const uint32_t s = p.site[k];
        double v = p.score[k] - tenant[s] - floor[s] * p.floor[k];
        const int32_t q = p.park_of_site[s];
        if (q >= 0)
            for (size_t f = 0; f < p.factors; ++f) v -= park[static_cast<size_t>(q) * p.factors + f] * p.demand[a * p.factors + f];
        return v;
    }
};

// Whether pair k (of applicant a) can be used at all: its site holds its floor area and its
// park, if any, has headroom for its demand. Every feasible answer leaves the others out, so
// a bound may too.
bool pair_usable(const PlacementProblem& problem, size_t a, uint64_t k);

// `start`: the site of every applicant in an answer in hand (-1 unplaced); its pairs seed the LP.
// `columns_per_row`: where the LP stops growing (columns per row of the problem).
// Throws geo::Cancelled when cancelled.
PlacementPrices placement_lp_bound(const PlacementProblem& problem, const std::vector<int64_t>& start, const Progress& progress = {},
                                   size_t columns_per_row = 25);

}  // namespace geo
