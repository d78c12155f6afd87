#include "geo/core/json_depth.h"

namespace geo {

std::optional<JsonTooDeep> find_json_too_deep(std::string_view text, size_t limit)
{
    size_t depth = 0, line = 1, column = 0;
    bool in_string = false, escaped = false;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n') {
            ++line;
            column = 0;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > limit) return JsonTooDeep{line, column};
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

}  // namespace geo
