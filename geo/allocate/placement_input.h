#pragma once
// A placement problem from a project: incoming applicants (a CSV: name, cluster, tier,
// floor_m2 or land_m2, jobs, and optionally park, the preferred one) on the vacant sites of
// a capacity run (baseline or scenario; a standard factory built on a site makes it
// multi-tenant), within each park's remaining capacity for every infrastructure factor. Each
// placement is scored by weights from placement_weights.csv: agglomeration (same-cluster
// employees within 1 km of the site), cluster fit (the park's location quotient for the
// cluster), coverage (facility types within their radius of the site), tier priority
// (tier_priority.csv), the preferred park and, with a suitability raster, the place's score
// on it (a place the raster vetoes or scores below the least score gets no applicant). Besides
// the vacant sites, the plots the project's rule marks under-used (the lowest 亩均效益 class,
// ...) can be offered as land to free: the plot's land at its park's permitted FAR.
#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "geo/allocate/placement.h"
#include "geo/capacity/capacity_run.h"
#include "geo/core/geometry.h"
#include "geo/density/raster.h"
#include "geo/io/crs.h"
#include "geo/scenario/edits.h"

namespace geo {

struct Applicant {
    std::string name, cluster, tier, park;
    double floor_m2 = 0, land_m2 = 0, jobs = 0;  // floor or land need (0: not given)
};

// Throws geo::Error naming the file and line: no name/cluster/jobs column, neither floor_m2
// nor land_m2, a value that is no number or negative, a row with neither need.
std::vector<Applicant> read_applicants(const std::string& path);

struct PlacementInput {
    PlacementProblem problem;
    std::vector<Applicant> applicants;
    std::vector<size_t> site_row;          // per problem site: its row in the capacity input's sites (SIZE_MAX: a plot to free)
    std::vector<int64_t> freed_plot;       // per problem site: the enterprise whose under-used plot it is, -1 for a site
    std::vector<std::string> site_name, site_park;
    std::vector<Coord> site_xy;            // a point on each site (working CRS)
    std::vector<std::string> factors;      // the infrastructure factors bounding the parks
    std::vector<std::string> park_name;
    // What the score's parts (agglomeration, cluster fit, coverage, tier, preference) are made
    // of, kept by site, park and applicant rather than by pair (tens of millions at size).
    std::array<double, 6> weights{};                             // in the order of the parts
    std::map<std::string, std::vector<double>> agglomeration;   // cluster -> per site, 0..1
    std::map<std::string, std::vector<double>> cluster_fit;     // cluster -> per park, 0..1
    std::vector<double> coverage;                                // per site, 0..1
    std::vector<double> suitability;                             // per site, 0..1 (the raster's 0..100; 0 without one)
    std::vector<uint8_t> unsuitable;                             // per site: vetoed, off the raster or below the least score
    std::vector<double> tier_priority;                           // per applicant
    std::vector<int32_t> preferred_park;                         // per applicant, -1 none
    std::vector<double> site_far;                                // per site: the FAR a need in land is multiplied by (NaN: 1)
    std::vector<std::string> notes;
};

// The parts of applicant a's score on problem site s (agglomeration, cluster fit, coverage,
// tier, preference, suitability); the score is their sum by `weights`.
std::array<double, 6> score_parts(const PlacementInput& in, size_t applicant, size_t site);

struct PlacementChoices {
    bool free_underused = false;  // offer the under-used plots (the project's rule) as land to free
    bool with_pairs = true;       // false: placement_pairs adds them once the capacity run is let go
};

// `standards` holds placement_weights.csv and tier_priority.csv. At size the pairs are the
// larger of the problem and the capacity run: make them after the run is let go.
PlacementInput placement_input(const CapacityRun& run, const CapacityTables& tables, std::vector<Applicant> applicants,
                               const std::filesystem::path& standards, const PlacementChoices& choices = {});
// Scores each place on a suitability raster (parkcap suitability's GeoTIFF, 0..100; sampled at
// the place's point in the working CRS): a vetoed place (0), one off the raster or scoring
// below `min_score` gets no applicant. Before placement_pairs. Throws geo::Error naming the
// raster when it cannot be read, or when no place is left.
void use_suitability(PlacementInput& in, const std::filesystem::path& raster, double min_score, const Crs& working);
// The same from a raster in memory, in the working CRS (the planner's Suitability panel);
// `source` names it in the note and the error.
void use_suitability(PlacementInput& in, const Raster& raster, double min_score, const std::string& source);
void placement_pairs(PlacementInput& in);

// The placed applicants as add_enterprise edits of a scenario (each on its site, at a point
// on the site's surface), which capacity then evaluates as growth. Those placed on plots to
// free are left out: no edit yet takes an enterprise off its plot, and adding one beside it
// would count the plot twice.
Scenario placement_scenario(const PlacementInput& in, const std::vector<int64_t>& site_of, const std::string& name, const Crs& working);
// How many applicants an answer places on plots to free.
size_t placed_on_plots_to_free(const PlacementInput& in, const std::vector<int64_t>& site_of);
// What a place is: "vacant site", "standard factory" or "plot to free".
std::string_view land_kind(const PlacementInput& in, size_t site);

// Why an applicant was left unplaced, in words ("no vacant site is large enough: needs
// 30,000 m², the largest holds 24,000 m²"; "park at capacity: power_kw"; "every site large
// enough went to applicants scoring higher").
std::string unplaced_reason(const PlacementInput& in, const std::vector<int64_t>& site_of, size_t applicant);

}  // namespace geo
