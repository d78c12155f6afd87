#pragma once
// Where new enterprises and facilities suit the land: a raster over the parks at a cell size,
// each cell scored from graded factors (slope from a DEM, distance to the roads, distance to
// the supporting facilities, same-cluster density, the park's location quotient of that
// cluster, facility coverage), each through an editable class table
// (datasets/standards/suitability_classes.csv) and combined by weights (from an AHP matrix);
// veto layers (the constraint areas: ecological red lines, basic farmland, flood zones) set a
// cell to 0. Cells outside the parks are no data. Each site gets the mean of its cells.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "geo/coverage/service_radii.h"
#include "geo/density/raster.h"
#include "geo/project/loaded_project.h"
#include "geo/suitability/ahp.h"

namespace geo {

struct FactorClass {
    double from = 0, to = 0, score = 0;  // [from, to)
};
struct SuitabilityFactor {
    // slope_deg, road_distance_m, facility_distance_m, cluster_density, park_lq (the LQ of the
    // chosen cluster in the cell's park, by employment), coverage_pct (the share of facility
    // types, 0..100, with one within its service radius of the cell)
    std::string key;
    std::vector<FactorClass> classes;
    double weight = 0;
};
// The class table, by factor. Throws geo::Error naming file and line (a gap or overlap between
// a factor's classes, a score outside 0..100).
std::vector<SuitabilityFactor> read_factor_classes(const std::filesystem::path& file);
double class_score(const SuitabilityFactor& f, double value);  // NaN where no class holds the value

// The class table's factors weighted by an AHP matrix (its factors by name; each must be in
// the class table), with the weights, λmax, CI and CR against the random-index table `ri`
// (a column of ri_table). Throws geo::Error naming the file of a factor the classes lack.
struct WeightedFactors {
    std::vector<SuitabilityFactor> factors;  // the class table's, in its order, with the matrix's weights
    std::vector<std::string> matrix_factors; // the matrix's factors, in its order (ahp.weights follow it)
    AhpResult ahp;
    std::string ri;
};
WeightedFactors ahp_weighted_factors(const std::filesystem::path& classes, const std::filesystem::path& matrix,
                                     const std::filesystem::path& ri_table, const std::string& ri = "saaty");

// What a project keeps under analysis.suitability (the planner's panel saves it; the command's
// flags override it): the cell size, a DEM (as written: relative to the project file), the
// cluster whose density is a factor, and typed weights by factor (empty: the AHP matrix's).
struct SuitabilitySettings {
    double cell_m = 50;
    std::string dem, cluster;
    std::map<std::string, double> weights;
};
// Throws geo::Error naming the key of a wrong value.
SuitabilitySettings suitability_settings(const Project& project);
Json to_json(const SuitabilitySettings& s);
// Typed weights in place of the AHP matrix's: a factor not named weighs 0. Throws geo::Error
// naming a factor the class table lacks.
void use_typed_weights(std::vector<SuitabilityFactor>& factors, const std::map<std::string, double>& weights);
// A DEM path as the settings write it, made usable: relative to the project file.
std::filesystem::path settings_path(const Project& project, const std::string& path);

struct SuitabilityOptions {
    double cell_m = 50;
    std::filesystem::path dem;   // empty: no slope factor
    std::string cluster;         // empty: no cluster-density or park-LQ factor
    std::vector<FacilityType> radii;  // the facility types and radii for coverage_pct (empty: no such factor)
    std::vector<SuitabilityFactor> factors;  // with their weights (the factors used get renormalised)
};

struct SuitabilityResult {
    Raster score;                // 0..100; vetoed 0; outside the parks NaN
    std::vector<std::string> used;    // the factors scored
    std::vector<double> weights;      // theirs, renormalised
    size_t cells_in_parks = 0, cells_vetoed = 0;
    // Per site of the project: the mean score of its cells (NaN with none), its cells, the vetoed share.
    std::vector<std::string> site_name, site_status;
    std::vector<double> site_mean, site_vetoed_share;
    std::vector<size_t> site_cells;
    std::vector<std::string> notes;
};

// Throws geo::Error naming what is missing (no parks; a DEM that GDAL cannot read or that does
// not cover the parks).
SuitabilityResult suitability(const LoadedProject& project, const SuitabilityOptions& options);

}  // namespace geo
