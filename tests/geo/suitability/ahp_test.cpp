// AHP weights and consistency against Saaty's textbook 3 x 3 example (weights 0.637, 0.258,
// 0.105, λmax 3.0385, CR 0.033 with Saaty's RI) and values computed independently with numpy;
// the random-index tables from datasets/standards; bad matrices named.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

#include "geo/core/error.h"
#include "geo/suitability/ahp.h"
#include "test_support.h"

TEST_CASE("AHP: the principal eigenvector, λmax, CI and CR of Saaty's example; a 4 x 4 one; an inconsistent one flagged")
{
    const auto saaty = geo::read_random_index(test::datasets("standards/ahp_random_index.csv"), "saaty");
    const auto xu = geo::read_random_index(test::datasets("standards/ahp_random_index.csv"), "xu_shubai_1988");
    CHECK(saaty.at(3) == 0.58);
    CHECK(xu.at(3) == 0.52);
    const std::vector<std::vector<double>> m = {{1, 3, 5}, {1.0 / 3, 1, 3}, {1.0 / 5, 1.0 / 3, 1}};
    const auto r = geo::ahp_weights(m, saaty);
    CHECK(r.weights[0] == doctest::Approx(0.63698557).epsilon(1e-7));
    CHECK(r.weights[1] == doctest::Approx(0.25828499).epsilon(1e-7));
    CHECK(r.weights[2] == doctest::Approx(0.10472943).epsilon(1e-7));
    CHECK(r.lambda_max == doctest::Approx(3.03851109).epsilon(1e-8));
    CHECK(r.ci == doctest::Approx(0.01925555).epsilon(1e-6));
    CHECK(r.cr == doctest::Approx(0.03319922).epsilon(1e-6));
    CHECK(r.consistent);
    // The same matrix against another published table: CI / 0.52.
    CHECK(geo::ahp_weights(m, xu).cr == doctest::Approx(0.03702989).epsilon(1e-6));
    const auto b = geo::ahp_weights({{1, 1.0 / 3, 1.0 / 5, 1.0 / 7}, {3, 1, 1.0 / 3, 1.0 / 5}, {5, 3, 1, 1.0 / 3}, {7, 5, 3, 1}}, saaty);
    CHECK(b.weights[3] == doctest::Approx(0.56500905).epsilon(1e-7));
    CHECK(b.lambda_max == doctest::Approx(4.11698244).epsilon(1e-8));
    CHECK(b.cr == doctest::Approx(0.04332683).epsilon(1e-6));
    // A circular preference (a > b > c > a, strongly): CR far above 0.1.
    const auto c = geo::ahp_weights({{1, 9, 1.0 / 9}, {1.0 / 9, 1, 9}, {9, 1.0 / 9, 1}}, saaty);
    CHECK(c.lambda_max == doctest::Approx(10.11111111).epsilon(1e-8));
    CHECK_FALSE(c.consistent);
    // A consistent matrix: λmax = n, CR = 0, weights in the ratios given.
    const auto d = geo::ahp_weights({{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}}, saaty);
    CHECK(d.weights[0] == doctest::Approx(4.0 / 7));
    CHECK(d.cr == doctest::Approx(0).scale(1));
    CHECK_THROWS_WITH_AS(geo::ahp_weights({{1, 2}, {2, 1}}, saaty), doctest::Contains("not reciprocal at row 1, column 2"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::ahp_weights({{1, -2}, {-0.5, 1}}, saaty), doctest::Contains("must be a positive number"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::read_random_index(test::datasets("standards/ahp_random_index.csv"), "noble"),
                         doctest::Contains("no random-index table 'noble' (there: saaty, xu_shubai_1988)"), geo::Error);
}

TEST_CASE("an AHP matrix from a CSV: names, fractions, the lower triangle filled as reciprocals, bad cells named")
{
    const test::ScratchDir dir("ahp");
    {
        std::ofstream o(dir.path / "m.csv");
        o << "factor,slope,roads,facilities\nslope,1,3,5\nroads,,1,3\nfacilities,,,1\n";
    }
    std::vector<std::string> f;
    const auto m = geo::read_ahp_matrix(dir.path / "m.csv", f);
    CHECK(f == std::vector<std::string>{"slope", "roads", "facilities"});
    CHECK(m[2][0] == doctest::Approx(0.2));
    CHECK(m[1][0] == doctest::Approx(1.0 / 3));
    {
        std::ofstream o(dir.path / "bad.csv");
        o << "factor,slope,roads\nslope,1,x/3\nroads,,1\n";
    }
    CHECK_THROWS_WITH_AS(geo::read_ahp_matrix(dir.path / "bad.csv", f), doctest::Contains("line 2: the comparison 'x/3' of slope with roads"), geo::Error);
}
