#pragma once
// The interface language. Every user-facing string of the GUI goes through tr(): the English
// text is the key, and datasets/i18n/ui_strings.csv (en,zh) holds its Chinese. Names in
// planners' terms (factors, facility types, tiers, hot-spot classes, units) come from the
// standards' terms table instead (term(), geo/project/terms.h). The language follows the
// locale (LANG=zh_* gives Chinese) unless the planner chose one (View > Language, --lang).
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "geo/project/terms.h"

// Marks a literal for translation where it is defined (a table of labels) while tr() is
// applied where it is shown; the strings test collects both.
#define N_(text) text

namespace gui {

void set_language(geo::Language language);
geo::Language language();

// `english` in the current language: its Chinese from the table, or itself (English, or a
// string the table lacks). An ImGui ID suffix ("Radius##r") is kept and not translated.
// The pointer stays valid for the life of the program.
const char* tr(const char* english);
std::string tr(const std::string& english);
// Items for ImGui::Combo ("a\0b\0"), each translated.
std::string tr_items(std::initializer_list<const char*> items);
// A term's name in the current language ("factor", "power_kw" -> 供电 / Power supply).
std::string term(std::string_view kind, std::string_view key);
// A category value as a legend shows it: hot-spot bins (field gi_bin) and tiers or facility
// types the terms table knows by their names; anything else as it is.
std::string category_name(std::string_view field, std::string_view value);
// A facility type by its name: the terms table's, else its Chinese name from the radius
// table (in Chinese), else its code.
std::string facility_name(const std::string& code, const std::string& name_zh);
// Binding factors by their names ("供电 = 供水"), as geo::binding_text joins the keys.
std::string factor_names(const std::vector<std::string>& factors);
// Every character of the Chinese table, for the font atlas.
std::vector<uint32_t> translation_codepoints();

}  // namespace gui
