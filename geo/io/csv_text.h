#pragma once
// Reading CSV tables (planning standards, bureaus' tables): RFC 4180 quoting, a UTF-8 BOM dropped, CRLF or
// LF line ends. Throws geo::Error naming the file and line of an unclosed quote.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace geo {

std::vector<std::vector<std::string>> parse_csv(const std::string& text, const std::string& file_for_errors);
std::vector<std::vector<std::string>> read_csv_file(const std::filesystem::path& path);
// A table too long to hold as text (a bureau's table of millions of rows), a record at a time:
// `each(row, line)` with the line the record starts on; `row` may be moved from.
void read_csv_rows(const std::filesystem::path& path, const std::function<void(std::vector<std::string>& row, size_t line)>& each);

}  // namespace geo
