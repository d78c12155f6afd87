#include "gui/i18n.h"

#include <map>
#include <set>
#include <mutex>
#include <unordered_map>

#include "geo/io/csv_text.h"
#include "geo/project/data_dir.h"
#include "gui/document.h"

namespace gui {

namespace {

geo::Language g_language = geo::language_from_locale();

// The UI table, read once from the data folders (empty when not found: English throughout).
const std::unordered_map<std::string, std::string>& chinese()
{
    static const std::unordered_map<std::string, std::string> table = [] {
        std::unordered_map<std::string, std::string> t;
        const auto file = geo::find_data("i18n/ui_strings.csv");
        if (!file) return t;
        try {
            const auto rows = geo::read_csv_file(*file);
            for (size_t i = 1; i < rows.size(); ++i)
                if (rows[i].size() >= 2 && !rows[i][0].empty() && !rows[i][1].empty()) t.emplace(rows[i][0], rows[i][1]);
        } catch (const std::exception&) {
        }
        return t;
    }();
    return table;
}

}  // namespace

void set_language(geo::Language language) { g_language = language; }
geo::Language language() { return g_language; }

const char* tr(const char* english)
{
    if (g_language == geo::Language::En || !english) return english;
    // Composed strings (a label with an ID suffix) are kept here so their pointers stay valid.
    static std::mutex mutex;
    static std::unordered_map<std::string, std::string> composed;
    const std::string_view text(english);
    const size_t id = text.find("##");
    const std::string head(text.substr(0, id));
    const auto& table = chinese();
    const auto it = table.find(head);
    if (it == table.end()) return english;
    if (id == std::string_view::npos) return it->second.c_str();
    std::lock_guard lock(mutex);
    auto [slot, fresh] = composed.try_emplace(std::string(text));
    if (fresh) slot->second = it->second + std::string(text.substr(id));
    return slot->second.c_str();
}

std::string tr(const std::string& english) { return tr(english.c_str()); }

std::string tr_items(std::initializer_list<const char*> items)
{
    std::string out;
    for (const char* item : items) {
        out += tr(item);
        out += '\0';
    }
    return out;
}

std::string term(std::string_view kind, std::string_view key) { return geo::Terms::standard().name(kind, key, g_language); }

std::string category_name(std::string_view field, std::string_view value)
{
    const geo::Terms& t = geo::Terms::standard();
    if (field == "gi_bin" && t.has("hotspot", value)) return term("hotspot", value);
    for (const char* kind : {"tier", "facility"})
        if (t.has(kind, value)) return term(kind, value);
    return std::string(value);
}

std::string facility_name(const std::string& code, const std::string& name_zh)
{
    if (geo::Terms::standard().has("facility", code)) return term("facility", code);
    return g_language == geo::Language::Zh && !name_zh.empty() ? name_zh : code;
}

std::string factor_names(const std::vector<std::string>& factors)
{
    std::string out;
    for (const std::string& f : factors) out += (out.empty() ? "" : " = ") + term("factor", f);
    return out;
}

std::vector<uint32_t> translation_codepoints()
{
    std::set<uint32_t> all;
    for (const auto& [en, zh] : chinese()) append_utf8_codepoints(zh, all);
    append_utf8_codepoints(geo::Terms::standard().all_names(), all);
    return {all.begin(), all.end()};
}

}  // namespace gui
