#include "geo/report/csv_table.h"

#include <cmath>
#include <cstdio>
#include <fstream>

#include "geo/core/error.h"
#include "geo/io/atomic_file.h"
#include "geo/io/disk_space.h"

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

void write_csv_rows(const std::vector<std::string>& header, size_t rows, const std::function<std::vector<std::string>(size_t)>& row,
                    const std::filesystem::path& path, bool overwrite)
{
    std::error_code ec;
    const ErrorContext where{.file = path.string()};
    if (std::filesystem::exists(path, ec) && !overwrite) throw Error("already exists; not overwriting it", where);
    const std::filesystem::path tmp = temporary_sibling(path);
    try {
        std::ofstream out(tmp, std::ios::binary);
        if (!out) throw Error("cannot create the file", where);
        std::string text = "\xEF\xBB\xBF";
        append_row(text, header);
        for (size_t i = 0; i < rows; ++i) {
            append_row(text, row(i));
            if (text.size() > (1u << 20)) {
                out.write(text.data(), static_cast<std::streamsize>(text.size()));
                text.clear();
            }
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) throw Error(explain_write_failure(path, "cannot write the whole file"), where);
        rename_into_place(tmp, path);
    } catch (...) {
        std::filesystem::remove(tmp, ec);
        throw;
    }
}

std::string number_text(double v, int digits)
{
    char buf[64];
    if (std::abs(v) < 1e15 && v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);  // whole numbers in full
    else std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    return buf;
}

}  // namespace geo
