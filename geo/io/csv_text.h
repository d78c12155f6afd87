#pragma once
// Reading small CSV tables (planning standards): RFC 4180 quoting, a UTF-8 BOM dropped, CRLF or
// LF line ends. Throws geo::Error naming the file and line of an unclosed quote.
#include <filesystem>
#include <string>
#include <vector>

namespace geo {

std::vector<std::vector<std::string>> parse_csv(const std::string& text, const std::string& file_for_errors);
std::vector<std::vector<std::string>> read_csv_file(const std::filesystem::path& path);

}  // namespace geo
