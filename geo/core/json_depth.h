#pragma once
// A guard against JSON nested so deeply that copying or destroying the parsed tree would
// overflow the stack (nlohmann::json copies recursively: a 600 KB file of 90,000 '[' crashed
// every command). Scanned before parsing; strings and escapes are skipped.
#include <cstddef>
#include <optional>
#include <string_view>

namespace geo {

// Project files nest a few levels; scenarios and tables under "analysis" a few more.
constexpr size_t kMaxJsonDepth = 256;

struct JsonTooDeep {
    size_t line = 1;
    size_t column = 1;  // in characters, 1-based, where the limit was passed
};

// Where `text` first nests arrays/objects deeper than `limit`, or nullopt when it never does.
std::optional<JsonTooDeep> find_json_too_deep(std::string_view text, size_t limit = kMaxJsonDepth);

}  // namespace geo
