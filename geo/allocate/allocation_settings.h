#pragma once
// The allocation analysis's settings, one struct for the panel and the command: read from and
// written to the project's "analysis.allocation", defaults here and nowhere else.
//
// "analysis": {"allocation": {"problem": "max_coverage", "p": 5, "radius_m": 500, "cutoff_m": 0,
//   "target_share": 1, "weight": "employees", "cluster": "", "tier": "", "park": "",
//   "candidates": "lattice", "lattice_spacing_m": 250, "required_type": "canteen",
//   "facility_type": "canteen", "capacity": 0, "capacity_factor": "", "distance": "straight", "solver": "auto", "max_nodes": 200000,
//   "max_seconds": 0}}
#include <string>

#include "geo/allocate/allocate.h"
#include "geo/project/project.h"

namespace geo {

struct AllocationSettings {
    AllocationObjective problem = AllocationObjective::MaxCoverage;
    size_t p = 5;                  // new sites to open (not for min_facilities)
    double radius_m = 500;         // coverage problems: served within this distance
    double cutoff_m = 0;           // min_impedance: beyond it a demand is unallocated (0: none)
    double target_share = 1;       // min_facilities: the share of the reachable weight to cover
    // Demand: the enterprises, weighted by a field ("employees", "count", or a field name),
    // optionally only one cluster, tier or park.
    std::string weight = "employees", cluster, tier, park;
    // Candidates: "sites" (the sites layer, polygons by a point on their surface), a layer id
    // of the project, or "lattice" (points at lattice_spacing_m inside the parks, outside the
    // constraint areas).
    std::string candidates = "lattice";
    double lattice_spacing_m = 250;
    // A suitability raster (parkcap suitability's GeoTIFF; a path relative to the project) and
    // the least score a candidate's cell needs: candidates below it, on no data or vetoed (0),
    // are left out. Empty: every candidate stands.
    std::string suitability;
    double min_suitability = 0;
    // Existing facilities of this type are required (kept open, counted); "" for none.
    std::string required_type;
    // max_capacitated_coverage: what a new site holds, in units of `capacity_factor` (a factor
    // of the demand-rate table, e.g. dormitory_beds at 0.25 a job: 1,000 beds serve 4,000
    // jobs) or, without a factor, in the weight's own unit. Existing required sites hold the
    // value of their capacity field (this when it is empty).
    double capacity = 0;
    std::string capacity_factor;
    // What a chosen site becomes when saved as a scenario (a type code of the radius table).
    std::string facility_type;
    std::string distance = "straight";  // or "network" (along the project's roads)
    AllocationSolver solver = AllocationSolver::Auto;
    long max_nodes = 200000;
    double max_seconds = 0;
};

// Throws geo::Error naming the key ("analysis.allocation.p: must be >= 1, not 0").
AllocationSettings allocation_settings(const Project& project);
Json to_json(const AllocationSettings& settings);

}  // namespace geo
