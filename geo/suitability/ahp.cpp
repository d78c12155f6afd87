#include "geo/suitability/ahp.h"

#include <cmath>
#include <cstdlib>

#include "geo/core/error.h"
#include "geo/io/csv_text.h"

namespace geo {

double RandomIndexTable::at(size_t n) const
{
    if (n < 1 || n > ri.size()) throw Error("AHP: the random-index table '" + name + "' has no value for " + std::to_string(n) + " factors");
    return ri[n - 1];
}

RandomIndexTable read_random_index(const std::filesystem::path& file, const std::string& name)
{
    const auto rows = read_csv_file(file);
    if (rows.empty()) throw Error("the random-index table is empty", {.file = file.string()});
    const auto& h = rows[0];
    size_t col = 0;
    std::string known;
    for (size_t c = 1; c < h.size(); ++c) {
        if (h[c] == name) col = c;
        known += (known.empty() ? "" : ", ") + h[c];
    }
    if (h.empty() || h[0] != "n") throw Error("the first column must be n (the number of factors)", {.file = file.string(), .key = "line 1"});
    if (!col) throw Error("no random-index table '" + name + "' (there: " + known + ")", {.file = file.string()});
    RandomIndexTable t{name, {}};
    for (size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].size() == 1 && rows[r][0].empty()) continue;
        const ErrorContext where{.file = file.string(), .key = "line " + std::to_string(r + 1)};
        char* end = nullptr;
        const std::string ns = rows[r][0], vs = col < rows[r].size() ? rows[r][col] : "";
        const long n = std::strtol(ns.c_str(), &end, 10);
        if (ns.empty() || *end != '\0' || n != static_cast<long>(t.ri.size()) + 1) throw Error("n must count 1, 2, 3... ('" + ns + "')", where);
        const double v = std::strtod(vs.c_str(), &end);
        if (vs.empty() || *end != '\0' || !(v >= 0)) throw Error("RI '" + vs + "' is not a number", where);
        t.ri.push_back(v);
    }
    return t;
}

AhpResult ahp_weights(const std::vector<std::vector<double>>& m, const RandomIndexTable& ri)
{
    const size_t n = m.size();
    if (n == 0) throw Error("AHP: an empty matrix");
    for (size_t i = 0; i < n; ++i) {
        if (m[i].size() != n) throw Error("AHP: row " + std::to_string(i + 1) + " has " + std::to_string(m[i].size()) + " entries, not " + std::to_string(n));
        for (size_t j = 0; j < n; ++j) {
            const std::string cell = "row " + std::to_string(i + 1) + ", column " + std::to_string(j + 1);
            if (!(m[i][j] > 0) || !std::isfinite(m[i][j])) throw Error("AHP: the comparison at " + cell + " must be a positive number");
            if (i == j && std::abs(m[i][j] - 1) > 1e-9) throw Error("AHP: the diagonal must be 1 (" + cell + ")");
            if (std::abs(m[i][j] * m[j][i] - 1) > 1e-6) throw Error("AHP: not reciprocal at " + cell + " (" + std::to_string(m[i][j]) + " against " + std::to_string(m[j][i]) + ")");
        }
    }
    // The principal eigenvector by power iteration (a positive matrix: Perron's vector, unique).
    AhpResult r;
    std::vector<double> w(n, 1.0 / static_cast<double>(n)), next(n);
    for (int it = 0; it < 10000; ++it) {
        double sum = 0;
        for (size_t i = 0; i < n; ++i) {
            next[i] = 0;
            for (size_t j = 0; j < n; ++j) next[i] += m[i][j] * w[j];
            sum += next[i];
        }
        double change = 0;
        for (size_t i = 0; i < n; ++i) {
            next[i] /= sum;
            change = std::max(change, std::abs(next[i] - w[i]));
        }
        w.swap(next);
        if (change < 1e-15) break;
    }
    r.weights = w;
    double lambda = 0;
    for (size_t i = 0; i < n; ++i) {
        double row = 0;
        for (size_t j = 0; j < n; ++j) row += m[i][j] * w[j];
        lambda += row / w[i];
    }
    r.lambda_max = lambda / static_cast<double>(n);
    r.ci = n > 1 ? (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1) : 0.0;
    const double ri_n = ri.at(n);
    r.cr = ri_n > 0 ? r.ci / ri_n : 0.0;
    r.consistent = r.cr < 0.1;
    return r;
}

std::vector<std::vector<double>> read_ahp_matrix(const std::filesystem::path& file, std::vector<std::string>& factors)
{
    const auto rows = read_csv_file(file);
    if (rows.size() < 2) throw Error("the AHP matrix needs a header of factor names and a row per factor", {.file = file.string()});
    factors.assign(rows[0].begin() + 1, rows[0].end());
    const size_t n = factors.size();
    std::vector<std::vector<double>> m(n, std::vector<double>(n, 0.0));
    size_t r = 0;
    for (size_t line = 1; line < rows.size(); ++line) {
        const auto& row = rows[line];
        if (row.size() == 1 && row[0].empty()) continue;
        const ErrorContext where{.file = file.string(), .key = "line " + std::to_string(line + 1)};
        if (r >= n) throw Error("more rows than the " + std::to_string(n) + " factors of the header", where);
        if (row[0] != factors[r]) throw Error("row '" + row[0] + "' where the header's order wants '" + factors[r] + "'", where);
        for (size_t c = 0; c < n; ++c) {
            const std::string t = c + 1 < row.size() ? row[c + 1] : "";
            if (t.empty()) {
                if (c < r) continue;  // below the diagonal: the mirror's reciprocal
                if (c == r) { m[r][c] = 1; continue; }
                throw Error("the comparison of " + factors[r] + " with " + factors[c] + " is missing", where);
            }
            const size_t slash = t.find('/');
            char* end = nullptr;
            double v = std::strtod(t.substr(0, slash).c_str(), &end);
            bool ok = *end == '\0';
            if (slash != std::string::npos) {
                const double d = std::strtod(t.substr(slash + 1).c_str(), &end);
                ok = ok && *end == '\0' && d > 0;
                v /= d;
            }
            if (!ok || !(v > 0)) throw Error("the comparison '" + t + "' of " + factors[r] + " with " + factors[c] + " is not a positive number or fraction", where);
            m[r][c] = v;
        }
        ++r;
    }
    if (r != n) throw Error(std::to_string(r) + " rows for " + std::to_string(n) + " factors", {.file = file.string()});
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < i; ++j)
            if (m[i][j] == 0) m[i][j] = 1 / m[j][i];
    return m;
}

}  // namespace geo
