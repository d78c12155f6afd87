#pragma once
#include <string>
#include <string_view>

namespace geo {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Columns `text` takes on a terminal: East Asian wide characters (Chinese among them) take two.
size_t display_width(std::string_view text);
// `text` followed by spaces up to `width` display columns (unchanged when already wider).
std::string pad_to_width(std::string_view text, size_t width);

}  // namespace geo
