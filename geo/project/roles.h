#pragma once
// The roles a layer can play in a project, the geometry each needs, and the attribute
// meanings each role knows about (with the field names they are guessed from).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/geometry.h"

namespace geo {

enum class Role { Parks, Enterprises, Facilities, Roads, Constraints, Sites, Regions, Buildings, Context };

std::string_view to_string(Role role);  // "parks", "enterprises", ...
std::optional<Role> parse_role(std::string_view text);
const std::vector<Role>& all_roles();
// The geometry a role needs; nullopt for context layers, which take any.
std::optional<GeomKind> required_kind(Role role);

struct Meaning {
    std::string key;                    // "employees"
    bool numeric = false;               // the field must hold numbers
    std::vector<std::string> synonyms;  // field names it is guessed from (English, Chinese, pinyin)
    std::string unit;                   // how its values read: "m²", "万元", "人" ("" when none)
};

// The meanings a role knows about, in guessing priority order.
const std::vector<Meaning>& meanings_of(Role role);
const Meaning* find_meaning(Role role, std::string_view key);

}  // namespace geo
