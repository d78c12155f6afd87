#include "geo/project/terms.h"

#include <cstdlib>

#include "geo/core/error.h"
#include "geo/io/csv_text.h"
#include "geo/project/data_dir.h"

namespace geo {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

std::string joined(std::string_view kind, std::string_view key) { return std::string(kind) + '\t' + std::string(key); }

}  // namespace

Language parse_language(std::string_view text)
{
    const std::string t = lower(text);
    if (t == "zh" || t.rfind("zh-", 0) == 0 || t.rfind("zh_", 0) == 0) return Language::Zh;
    if (t == "en" || t.rfind("en-", 0) == 0 || t.rfind("en_", 0) == 0) return Language::En;
    throw Error("unknown language '" + std::string(text) + "' (zh or en)");
}

const char* to_string(Language language) { return language == Language::Zh ? "zh" : "en"; }

Language language_from_locale()
{
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (!v || !*v) continue;
        return lower(v).rfind("zh", 0) == 0 ? Language::Zh : Language::En;
    }
    return Language::En;
}

Terms Terms::read(const std::filesystem::path& file)
{
    const auto rows = read_csv_file(file);
    if (rows.empty() || rows[0].size() < 4 || rows[0][0] != "kind" || rows[0][1] != "key" || rows[0][2] != "en" || rows[0][3] != "zh")
        throw Error(file.string() + ": the first line must be kind,key,en,zh");
    Terms t;
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        if (r.size() == 1 && r[0].empty()) continue;  // a blank line
        if (r.size() < 4 || r[0].empty() || r[1].empty() || r[2].empty() || r[3].empty())
            throw Error(file.string() + ": line " + std::to_string(i + 1) + " needs kind, key, en and zh, all non-empty");
        if (!t.m_names.emplace(joined(r[0], r[1]), Names{r[2], r[3]}).second)
            throw Error(file.string() + ": line " + std::to_string(i + 1) + " repeats " + r[0] + " '" + r[1] + "'");
    }
    return t;
}

const Terms& Terms::standard()
{
    static const Terms terms = [] {
        const auto file = find_data("standards/terms.csv");
        return file ? read(*file) : Terms{};
    }();
    return terms;
}

std::string Terms::name(std::string_view kind, std::string_view key, Language language) const
{
    const auto it = m_names.find(joined(kind, key));
    if (it == m_names.end()) return std::string(key);
    return language == Language::Zh ? it->second.zh : it->second.en;
}

std::string Terms::all_names() const
{
    std::string out;
    for (const auto& [key, names] : m_names) out += names.en + names.zh;
    return out;
}

bool Terms::has(std::string_view kind, std::string_view key) const { return m_names.count(joined(kind, key)) > 0; }

}  // namespace geo
