#pragma once
// A table written as CSV: UTF-8 with a byte-order mark (so that Excel, as planners open it,
// shows Chinese correctly), RFC 4180 quoting, written atomically.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace geo {

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

std::string to_csv(const CsvTable& table);
// Throws geo::Error naming the path; refuses to replace an existing file unless `overwrite`.
void write_csv(const CsvTable& table, const std::filesystem::path& path, bool overwrite);
// A long table written as it is made, row by row (`row(i)` for i below `rows`), atomically: the
// ten million rows of an allocation's demand never sit in memory as text. Throws as write_csv.
void write_csv_rows(const std::vector<std::string>& header, size_t rows, const std::function<std::vector<std::string>(size_t)>& row,
                    const std::filesystem::path& path, bool overwrite);

// A number as text for a table: up to `digits` significant digits, no exponent for
// ordinary magnitudes.
std::string number_text(double v, int digits = 6);

}  // namespace geo
