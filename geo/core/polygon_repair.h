#pragma once
// Repairing invalid polygons with GEOS MakeValid within a work budget. GEOS 3.11's make-valid
// is far from linear on pathological rings (measured on a zigzag ring: the linework method
// 2.8 s at 10k vertices and over 120 s at 100k; no method finishes 1M vertices in 200 s), and
// its interrupt is process-wide, so a wall-clock limit would stop other threads' work and give
// different results on different machines. Instead the work is measured before repairing: the
// vertices, and the edge crossings counted by a bounded sweep. A feature over budget is not
// repaired (the caller skips and reports it); the same features are repaired everywhere.
#include <cstddef>
#include <string>

#include "geo/core/geos_util.h"

namespace geo {

struct RepairBudget {
    size_t max_vertices = 1'000'000;    // all rings of the feature
    size_t max_crossings = 20'000;      // edges crossing one another
    size_t max_sweep_pairs = 50'000'000;  // work of the crossing count itself
};

struct RepairOutcome {
    GeosGeom geometry;     // the repaired geometry; null when refused or GEOS failed
    std::string method;    // "GEOS make-valid (structure)"; what was used
    std::string refused;   // why it was not repaired ("over the repair budget: ..."), else empty
};

// Repairs polygon feature `feature` of `column` (assumed invalid). The "structure" method is
// used: it keeps every area the rings enclose (both lobes of a bow-tie) and is 25 times faster
// than "linework" on heavily self-crossing rings; "linework" is tried when it fails.
RepairOutcome repair_polygon(const GeosContext& ctx, const GeometryColumn& column, size_t feature,
                             const RepairBudget& budget = {});

}  // namespace geo
