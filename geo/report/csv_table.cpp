#include "geo/report/csv_table.h"

#include <cmath>
#include <cstdio>

#include "geo/core/error.h"
#include "geo/io/atomic_file.h"

namespace geo {

namespace {

std::string quoted(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void append_row(std::string& out, const std::vector<std::string>& row)
{
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + quoted(row[i]);
    out += "\r\n";
}

}  // namespace

std::string to_csv(const CsvTable& t)
{
    std::string out = "\xEF\xBB\xBF";
    append_row(out, t.header);
    for (const auto& r : t.rows) append_row(out, r);
    return out;
}

void write_csv(const CsvTable& t, const std::filesystem::path& path, bool overwrite)
{
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !overwrite) throw Error("already exists; not overwriting it", {.file = path.string()});
    write_file_atomically(path, to_csv(t));
}

std::string number_text(double v, int digits)
{
    char buf[64];
    if (std::abs(v) < 1e15 && v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);  // whole numbers in full
    else std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

}  // namespace geo
