#pragma once
// Weights from an AHP pairwise-comparison matrix (Saaty's analytic hierarchy process, as
// Chinese suitability studies derive factor weights, often with the yaahp tool): the principal
// eigenvector, λmax, the consistency index CI = (λmax − n)/(n − 1) and ratio CR = CI / RI(n);
// CR ≥ 0.1 is flagged. Published random-index tables differ, so the table is a choice.
#include <filesystem>
#include <string>
#include <vector>

namespace geo {

// A random-index table: RI(n) by the number of factors. Published tables differ (Saaty's is the
// default); datasets/standards/ahp_random_index.csv holds them as columns, one chosen by name.
struct RandomIndexTable {
    std::string name;
    std::vector<double> ri;  // [n - 1]
    double at(size_t n) const;  // throws geo::Error when the table has no value for n
};
// Column `name` of the CSV (a column n, then one per table). Throws geo::Error naming the
// file, the column (the known ones listed) or the line.
RandomIndexTable read_random_index(const std::filesystem::path& file, const std::string& name = "saaty");

struct AhpResult {
    std::vector<double> weights;  // sum to 1
    double lambda_max = 0, ci = 0, cr = 0;
    bool consistent = true;       // cr < 0.1 (a matrix of 1 or 2 factors always is)
};

// `m` is n × n, positive, reciprocal (m[j][i] = 1 / m[i][j] within 1e-6 relative) with ones on
// the diagonal; throws geo::Error naming the cell that is not.
AhpResult ahp_weights(const std::vector<std::vector<double>>& m, const RandomIndexTable& ri);

// A matrix from a CSV file: a header row of factor names, then one row per factor (its name,
// then its comparisons); an entry may be a fraction ("1/3"). An empty cell below the diagonal
// is filled as the reciprocal of its mirror. Throws geo::Error naming the file, line and column.
std::vector<std::vector<double>> read_ahp_matrix(const std::filesystem::path& file, std::vector<std::string>& factors);

}  // namespace geo
