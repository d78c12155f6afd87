// parkcap ahp: factor weights from a pairwise-comparison matrix (AHP), with the consistency
// ratio against a chosen random-index table (geo/suitability/ahp).
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "commands.h"
#include "geo/core/error.h"
#include "geo/core/utf8.h"
#include "geo/project/data_dir.h"
#include "geo/suitability/ahp.h"

namespace cli {

namespace {

const std::vector<OptionSpec> kOptions = {
    {"ri", "NAME", "the random-index table: saaty (default) or another column of ahp_random_index.csv (xu_shubai_1988, ...)"},
    {"standards", "DIR", "the folder of ahp_random_index.csv (default: parkcap's standards)"},
    {"help", "", "show this help"},
};

}  // namespace

int run_ahp(const std::vector<std::string>& argv)
{
    const Args args = parse_args(argv, kOptions);
    if (args.flag("help")) {
        std::printf("Usage: parkcap ahp MATRIX.csv [--ri NAME]\n\n"
                    "Weights from an AHP pairwise-comparison matrix: a header of factor names, then a row per factor with its\n"
                    "comparisons (1-9 and their reciprocals, \"1/3\" allowed; cells below the diagonal may stay empty). Prints each\n"
                    "factor's weight (the principal eigenvector), λmax, CI and CR; CR of 0.1 or more is flagged.\n\nOptions:\n%s",
                    options_help(kOptions).c_str());
        return 0;
    }
    if (args.positional.size() != 1) throw UsageError("give one matrix file");
    std::vector<std::string> factors;
    const auto m = geo::read_ahp_matrix(args.positional[0], factors);
    std::filesystem::path table;
    if (!args.get("standards").empty()) {
        table = std::filesystem::path(args.get("standards")) / "ahp_random_index.csv";
    } else {
        const auto found = geo::find_data("standards/ahp_random_index.csv");
        if (!found) throw geo::Error("parkcap's standards/ahp_random_index.csv is not installed; give --standards DIR");
        table = *found;
    }
    const geo::RandomIndexTable ri = geo::read_random_index(table, args.get("ri").empty() ? "saaty" : args.get("ri"));
    const geo::AhpResult r = geo::ahp_weights(m, ri);
    size_t width = 6;
    for (const std::string& f : factors) width = std::max(width, geo::display_width(f));
    std::printf("%s  weight\n", geo::pad_to_width("factor", width).c_str());
    for (size_t i = 0; i < factors.size(); ++i) std::printf("%s  %.4f\n", geo::pad_to_width(factors[i], width).c_str(), r.weights[i]);
    std::printf("λmax %.4f, CI %.4f, RI %.2f (%s), CR %.4f: %s\n", r.lambda_max, r.ci, ri.at(factors.size()), ri.name.c_str(), r.cr,
                r.consistent ? "consistent (CR < 0.1)" : "NOT consistent (CR >= 0.1): revise the comparisons");
    return 0;
}

}  // namespace cli
