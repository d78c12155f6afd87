#pragma once
// Carrying capacity of each park, by limiting factor (the "barrel" principle): land, floor
// area and every infrastructure factor each give a capacity in jobs; the park's capacity is
// the smallest, the binding factor is named (ties: all of them) with the headroom on every
// other. Also the planners' indicators per park and each plot's standards compliance.
//
// Land: gross area − constraint areas (geometry difference, overlaps counted once) = net;
// minus the road/utility share = developable; minus the enterprises' land = vacant.
// Floor area: capacity = developable land × permitted FAR (the park's, else the
// land-weighted minimum FAR of its industries); remaining = capacity − existing floor area.
// Part of that remainder sits on occupied plots and becomes usable only when they are
// rebuilt, so the barrel and the jobs count the *available* floor area: vacant land × FAR
// (site parcels at their own FAR), plus what scenarios add (redeveloped under-used plots,
// standard-factory buildings). It turns into jobs and enterprises by cluster at the park's
// own measured averages.
#include <map>
#include <string>
#include <vector>

#include "geo/capacity/capacity_input.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/capacity/compliance.h"
#include "geo/coverage/straight_coverage.h"

namespace geo {

struct FactorCapacity {
    std::string factor, unit;
    bool given = false;           // false: no capacity in the tables (not limiting)
    double capacity = 0;          // units (floor_area: m² of floor)
    double used = 0;              // today's demand, units
    double per_new_job = 0;       // units each new job needs, at the park's mix
    double jobs_supported = 0;    // total jobs this factor allows (today's + new)
    double headroom_jobs = 0;     // jobs_supported − the park's capacity (0 for the binding ones)
    bool binding = false;
};

struct ClusterShare {
    std::string cluster;
    int64_t enterprises = 0;
    double jobs = 0, floor_m2 = 0;
    double new_floor_m2 = 0, new_jobs = 0, new_enterprises = 0;
};

struct ParkCapacity {
    std::string name, code;
    // Land, m².
    double gross_m2 = 0, constrained_m2 = 0, net_m2 = 0, road_utility_m2 = 0, developable_m2 = 0, occupied_m2 = 0, vacant_m2 = 0;
    // Floor area, m².
    double permitted_far = 0;
    std::string far_source;  // "park", "industry minimum" or "none" (permitted_far is then NaN)
    double floor_capacity_m2 = 0;           // developable × permitted FAR
    double existing_floor_m2 = 0;           // counted (tall storeys twice)
    double remaining_floor_m2 = 0;          // floor_capacity − existing (negative where built beyond it)
    double vacant_floor_m2 = 0;             // on vacant land
    double redevelopment_m2 = 0;            // from redeveloped under-used plots (scenario)
    double factory_floor_m2 = 0;            // standard-factory buildings (scenario)
    double available_floor_m2 = 0;          // vacant + redevelopment + factories: what the barrel uses
    double densification_potential_m2 = 0;  // occupied land × FAR − its floor, where positive (not available until rebuilt)
    // People.
    int64_t enterprises = 0;
    double jobs = 0;
    double jobs_per_m2 = 0;
    double remaining_jobs = 0, remaining_enterprises = 0;  // from the available floor area
    std::vector<ClusterShare> clusters;
    // The barrel.
    std::vector<FactorCapacity> factors;  // "floor_area" first, then the infrastructure factors
    double capacity_jobs = 0;
    std::vector<std::string> binding;
    double headroom_jobs = 0;  // capacity_jobs − jobs
    double dormitory_beds = 0;
    // Indicators.
    double comprehensive_far = 0, building_density = 0, industrial_land_share = 0;
    double output_per_ha = 0, tax_per_ha = 0, jobs_per_ha = 0, output_per_mu = 0, tax_per_mu = 0, jobs_per_mu = 0;
    std::map<std::string, int64_t> tiers;
    std::vector<std::string> characteristic_clusters;  // by location quotient (the project's cluster settings when it has them)
    std::map<std::string, double> coverage;  // facility type -> share of the park's employees within its largest radius
    int64_t plots_failing = 0, plots_underused = 0;
};

struct CapacityResult {
    std::vector<ParkCapacity> parks;
    std::vector<int32_t> park_of;  // per enterprise
    std::vector<PlotCompliance> plots;
    ComplianceRules compliance;  // as they applied (plot_numbers recomputes a plot's numbers from them)
    std::vector<std::string> warnings;
};

// What the coverage indicators read: per facility type of the radius table, which enterprises
// lie within its largest radius (straight line). A byte per enterprise and type where the
// distances would be eight.
struct CapacityCoverage {
    std::vector<std::string> types;            // facility type codes, in the radius table's order
    std::vector<std::vector<uint8_t>> within;  // [type][enterprise]
};

// Straight-line coverage of the enterprises by the input's facilities.
CapacityCoverage capacity_coverage(const CapacityInput& in);

// Throws geo::Error for a missing rule or parameter. A park with no FAR from either source, or
// without the floor-area data to measure jobs per m², gets a warning and no floor factor.
// `coverage`, when given, is capacity_coverage of an input with the same enterprises and the
// same facilities in the same places (run_capacity passes the baseline's only then).
CapacityResult evaluate_capacity(const CapacityInput& in, const CapacityTables& tables, const CapacityCoverage* coverage = nullptr);

// The relative tolerance within which two factors' capacities count as a tie.
inline constexpr double kTieTolerance = 1e-9;

}  // namespace geo
