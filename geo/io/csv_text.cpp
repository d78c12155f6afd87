#include "geo/io/csv_text.h"

#include <fstream>
#include <sstream>

#include "geo/core/error.h"

namespace geo {

std::vector<std::vector<std::string>> parse_csv(const std::string& input, const std::string& file)
{
    std::string_view text(input);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    size_t line = 1, quote_line = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
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
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                row.push_back(field);
                rows.push_back(row);
            }
            row.clear();
            field.clear();
            any = false;
            ++line;
        } else {
            field += c;
        }
    }
    if (quoted) throw Error("a quote opened on line " + std::to_string(quote_line) + " is never closed", {.file = file});
    if (any || !field.empty()) {
        row.push_back(field);
        rows.push_back(row);
    }
    return rows;
}

std::vector<std::vector<std::string>> read_csv_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read (no such file?)", {.file = path.string()});
    std::stringstream s;
    s << in.rdbuf();
    return parse_csv(s.str(), path.string());
}

}  // namespace geo
