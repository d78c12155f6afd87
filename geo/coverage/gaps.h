#pragma once
// Where coverage falls short: the places where uncovered employees concentrate, and for a
// facility type the single new location that would cover the most uncovered employees (a
// hint; full siting optimisation is a later step).
#include <span>
#include <vector>

#include "geo/core/layer.h"

namespace geo {

struct SiteSuggestion {
    Coord at;
    int64_t enterprises = 0;  // uncovered enterprises it would cover
    double employees = 0;     // and their employees
};

// Candidates are the centres of a grid of radius/4 cells holding uncovered enterprises;
// each is scored by the uncovered employees within `radius` (enterprises count 1 where
// `employees` is empty). The best wins; ties go to the lowest cell (deterministic).
// Nothing to cover gives enterprises = 0.
SiteSuggestion best_new_location(std::span<const Coord> enterprises, std::span<const double> employees,
                                 const std::vector<uint8_t>& uncovered, double radius);

// Polygons where the density of uncovered employees (quartic kernel of `radius`, binned on
// cells of radius/10, computed per group of enterprises within 2 x radius of one another)
// reaches `share` of its peak, with the uncovered enterprises and employees inside each.
// Empty when nothing is uncovered.
Layer gap_areas(std::span<const Coord> enterprises, std::span<const double> employees, const std::vector<uint8_t>& uncovered,
                double radius, double share = 0.25);

}  // namespace geo
