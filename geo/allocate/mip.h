#pragma once
// A mixed-integer program solved by CBC (COIN-OR branch and cut, Debian's coinor-libcbc-dev)
// with its standard settings (preprocessing, cuts, heuristics). Limits by node count keep a
// limited solve the same on every machine; a time limit is allowed but makes the answer
// depend on the machine. Cancel (Progress::cancel) stops the LP and the search alike.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/progress.h"

namespace geo {

struct Mip {
    bool maximise = false;
    std::vector<double> objective, col_lower, col_upper;
    std::vector<uint8_t> integer;
    // Constraints as triplets: row, column, coefficient; and each row's bounds.
    std::vector<int> entry_row, entry_col;
    std::vector<double> entry_value;
    std::vector<double> row_lower, row_upper;
    std::vector<double> start;  // optional feasible solution (every column) to start from

    int add_column(double objective, double lower, double upper, bool is_integer);
    int add_row(double lower, double upper);
    void add_entry(int row, int col, double value);
};

struct MipLimits {
    long max_nodes = 200000;  // 0: no limit
    double max_seconds = 0;   // 0: none
};

struct MipResult {
    std::vector<double> x;  // empty when no feasible solution was found
    double value = 0;       // objective of x
    double bound = 0;       // best possible (below the optimum when minimising, above when maximising); infinite
                            // unless the search finished (a stopped search's figure is not a bound)
    bool optimal = false;
    std::string status;     // "optimal", "node limit", "time limit", "infeasible", "cancelled", "stopped"
    long nodes = 0;
};

// Throws geo::Cancelled when cancelled before a solution was found.
MipResult solve_mip(const Mip& mip, const MipLimits& limits, const Progress& progress);

}  // namespace geo
