#pragma once
// Names in planners' terms, in Chinese and English: factor names (建筑面积 / Floor area),
// facility types (公交站点 / Bus stop), tiers, hot-spot classes, indicators and units. They
// come from datasets/standards/terms.csv (kind,key,en,zh), so a new facility type or factor
// gets its name without code; a key the table lacks shows as itself.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace geo {

enum class Language { En, Zh };

// "zh", "zh-CN", "zh_CN" -> Zh; "en", "en-US" -> En; anything else throws geo::Error.
Language parse_language(std::string_view text);
const char* to_string(Language language);  // "zh" or "en"
// The language of the user's locale: LC_ALL, then LC_MESSAGES, then LANG; zh_* is Chinese,
// everything else (C, POSIX, en_*, unset) English.
Language language_from_locale();

class Terms {
public:
    Terms() = default;
    // Reads a kind,key,en,zh table; throws geo::Error naming the file and line of a bad row.
    static Terms read(const std::filesystem::path& file);
    // The table parkcap ships (standards/terms.csv in the data folders); empty when not found.
    static const Terms& standard();

    // The name of `key` of `kind` ("factor", "facility", "tier", "hotspot", "indicator",
    // "unit") in `language`; the key itself when the table has no such entry.
    std::string name(std::string_view kind, std::string_view key, Language language) const;
    bool has(std::string_view kind, std::string_view key) const;
    size_t size() const { return m_names.size(); }
    // Every name in both languages, one after another (for a font's character set).
    std::string all_names() const;

private:
    struct Names {
        std::string en, zh;
    };
    std::map<std::string, Names, std::less<>> m_names;  // "kind\tkey"
};

}  // namespace geo
