#include "geo/io/csv_text.h"

#include <fstream>
#include <functional>
#include <sstream>

#include "geo/core/error.h"

namespace geo {

namespace {

// RFC 4180 records from `in`, a block at a time: `each(row, line)` for every record that is not
// blank, `line` its first line in the file.
void parse_csv_stream(std::istream& in, const std::string& file, const std::function<void(std::vector<std::string>&, size_t)>& each)
{
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false, first_block = true, pending_quote = false, pending_cr = false;
    size_t line = 1, quote_line = 0, row_line = 1;
    std::vector<char> buf(1 << 20);
    auto end_record = [&] {
        if (any || !field.empty()) {
            row.push_back(field);
            each(row, row_line);
        }
        row.clear();
        field.clear();
        any = false;
        ++line;
        row_line = line;
    };
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        std::string_view text(buf.data(), static_cast<size_t>(in.gcount()));
        if (text.empty()) break;
        if (first_block) {
            if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
            first_block = false;
        }
        for (size_t i = 0; i < text.size(); ++i) {
            const char c = text[i];
            if (pending_cr) {  // a CR that ended a record: swallow the LF after it
                pending_cr = false;
                if (c == '\n') continue;
            }
            if (pending_quote) {  // a quote inside a quoted field, at the end of the last block
                pending_quote = false;
                if (c == '"') {
                    field += '"';
                    continue;
                }
                quoted = false;
            }
            if (quoted) {
                if (c == '"') {
                    if (i + 1 == text.size()) pending_quote = true;
                    else if (text[i + 1] == '"') field += '"', ++i;
                    else quoted = false;
                } else {
                    if (c == '\n') ++line;
                    field += c;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                quote_line = line;
                any = true;
            } else if (c == ',') {
                row.push_back(field);
                field.clear();
                any = true;
            } else if (c == '\n' || c == '\r') {
                pending_cr = c == '\r';
                end_record();
            } else {
                field += c;
            }
        }
    }
    if (pending_quote) quoted = false;
    if (quoted) throw Error("a quote opened on line " + std::to_string(quote_line) + " is never closed", {.file = file});
    if (any || !field.empty()) {
        row.push_back(field);
        each(row, row_line);
    }
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string& input, const std::string& file)
{
    std::istringstream in(input);
    std::vector<std::vector<std::string>> rows;
    parse_csv_stream(in, file, [&](std::vector<std::string>& row, size_t) { rows.push_back(std::move(row)); });
    return rows;
}

std::vector<std::vector<std::string>> read_csv_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read (no such file?)", {.file = path.string()});
    std::vector<std::vector<std::string>> rows;
    parse_csv_stream(in, path.string(), [&](std::vector<std::string>& row, size_t) { rows.push_back(std::move(row)); });
    return rows;
}

void read_csv_rows(const std::filesystem::path& path, const std::function<void(std::vector<std::string>& row, size_t line)>& each)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read (no such file?)", {.file = path.string()});
    parse_csv_stream(in, path.string(), each);
}

}  // namespace geo
