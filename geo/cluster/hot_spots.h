#pragma once
// Getis-Ord Gi* hot spots on a cell grid, with binary weights (a cell and its touching
// cells), z-scores, two-sided p-values, and significance bins corrected for multiple tests
// with the False Discovery Rate (Benjamini-Hochberg) at 90, 95 and 99% confidence:
// bin = ±3 (99%), ±2 (95%), ±1 (90%) with the sign of z, 0 when not significant.
#include <vector>

#include "geo/cluster/cell_grid.h"

namespace geo {

struct HotSpots {
    std::vector<double> z, p;
    std::vector<int> bin;
};

// Gi* of `values` (one per cell of `grid`) over the cells of the study area
// (grid.studied): the mean, the variance and every neighbourhood use those cells only; the
// others get z = 0, p = 1, bin 0. Throws geo::Error when all values are equal (no variance:
// Gi* is undefined) or the study area has fewer than 3 cells.
HotSpots getis_ord_gi_star(const CellGrid& grid, const std::vector<double>& values);

// Benjamini-Hochberg: the largest p-value still significant at false discovery rate `q`
// (0 when none is).
double fdr_threshold(std::vector<double> p, double q);

}  // namespace geo
