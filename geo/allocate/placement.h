#pragma once
// Placing incoming enterprises (applicants) on vacant sites: a generalised assignment.
// Maximise the total suitability of the placements, each applicant on one site at most, each
// site holding no more floor area than it can (area x FAR) and, unless it is a multi-tenant
// standard factory, one applicant; each park's remaining capacity for every infrastructure
// factor bounds the demand of the applicants placed in it (each at its own cluster's rates).
// Heuristic answers (regret: the applicant that would lose most by waiting goes first; the
// best pairs first; pairs at the LP's prices; the LP's own answer first; each improved by
// moves, swaps and replacements) with the LP bound (placement_bound.h), so that every answer
// carries a proven gap. Exact: a search near the LP, then CBC on the pairs that the LP's
// reduced costs do not rule out.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/allocate/mip.h"
#include "geo/core/progress.h"

namespace geo {

struct PlacementProblem {
    size_t applicants = 0, sites = 0, parks = 0, factors = 0;
    // Feasible pairs (the site is large enough for the applicant on its own): per applicant,
    // its sites with the score of the placement and the floor area it takes there.
    std::vector<uint64_t> offset;  // applicants + 1
    std::vector<uint32_t> site;
    std::vector<double> score, floor;
    std::vector<double> site_floor;        // per site: floor area it can hold
    std::vector<uint8_t> multi_tenant;     // per site
    std::vector<int32_t> park_of_site;     // per site: -1 outside every park
    std::vector<double> demand;            // [applicant * factors + k]: units of factor k the applicant needs
    std::vector<double> headroom;          // [park * factors + k]: units left (infinity: no limit)
};

struct PlacementOptions {
    bool exact = false;     // solve the MIP (from the heuristic's answer)
    MipLimits limits;       // for the whole exact solve (the time limit counts from the start)
};

struct PlacementResult {
    std::vector<int64_t> site_of;  // per applicant: its site, -1 unplaced
    double value = 0, bound = 0, gap = 0;
    std::string status, method;
    long nodes = 0;
};

// Throws geo::Error for a negative score, floor or demand, or a pair naming no site.
PlacementResult place_applicants(const PlacementProblem& problem, const PlacementOptions& options = {}, const Progress& progress = {});

// Checks an answer against every constraint; "" when it holds, else what it breaks.
std::string placement_violation(const PlacementProblem& problem, const std::vector<int64_t>& site_of);

}  // namespace geo
