#include "geo/project/field_map.h"

#include <algorithm>
#include <set>

#include "geo/core/error.h"

namespace geo {

namespace {

std::string normalise(std::string_view name)
{
    std::string out;
    for (char c : name) {
        if (c == ' ' || c == '_' || c == '-') continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

bool has_non_ascii(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

const std::string* FieldMap::field_for(std::string_view meaning) const
{
    for (const FieldBinding& b : bindings)
        if (b.meaning == meaning) return &b.field;
    return nullptr;
}

FieldMap guess_fields(Role role, const std::vector<std::string>& fields,
                      const std::map<std::string, std::string>& overrides)
{
    std::set<std::string> used;
    for (const auto& [meaning, field] : overrides)
        if (!field.empty()) used.insert(field);
    std::vector<std::string> normalised;
    for (const auto& f : fields) normalised.push_back(normalise(f));

    FieldMap map;
    for (const Meaning& m : meanings_of(role)) {
        if (auto it = overrides.find(m.key); it != overrides.end()) {
            if (!it->second.empty()) map.bindings.push_back({m.key, it->second, false});
            continue;
        }
        std::string chosen;
        for (const std::string& syn : m.synonyms) {  // exact matches, in synonym priority order
            const std::string want = normalise(syn);
            for (size_t i = 0; i < fields.size() && chosen.empty(); ++i)
                if (normalised[i] == want && !used.count(fields[i])) chosen = fields[i];
            if (!chosen.empty()) break;
        }
        for (const std::string& syn : m.synonyms) {  // then Chinese synonyms inside longer names
            if (!chosen.empty()) break;
            if (!has_non_ascii(syn)) continue;
            for (size_t i = 0; i < fields.size() && chosen.empty(); ++i)
                if (fields[i].find(syn) != std::string::npos && !used.count(fields[i])) chosen = fields[i];
        }
        if (!chosen.empty()) {
            used.insert(chosen);
            map.bindings.push_back({m.key, chosen, true});
            // Other fields named as exactly this meaning too (a second 'lon', 经度 beside lon).
            std::string others;
            for (size_t i = 0; i < fields.size(); ++i) {
                if (fields[i] == chosen || used.count(fields[i])) continue;
                for (const std::string& syn : m.synonyms)
                    if (normalised[i] == normalise(syn)) {
                        others += (others.empty() ? "'" : ", '") + fields[i] + "'";
                        break;
                    }
            }
            if (!others.empty())
                map.remarks.push_back("fields '" + chosen + "' and " + others + " look like " + m.key + "; using '" + chosen +
                                      "' (bind another with \"fields\": {\"" + m.key + "\": ...} or --field " + m.key + "=...)");
        }
    }
    return map;
}

std::vector<std::string> check_field_map(Role role, FieldMap& map, const Layer& layer,
                                         const std::map<std::string, std::string>& overrides)
{
    std::vector<std::string> warnings = map.remarks;
    const ErrorContext where{.file = layer.source, .layer = layer.name};
    for (const auto& [meaning, field] : overrides) {
        if (!find_meaning(role, meaning)) {
            std::string known;
            for (const Meaning& m : meanings_of(role)) known += (known.empty() ? "" : ", ") + m.key;
            throw Error("unknown meaning '" + meaning + "' for a " + std::string(to_string(role)) +
                            " layer (known: " + known + ")", where);
        }
    }
    for (auto it = map.bindings.begin(); it != map.bindings.end();) {
        const FieldBinding& b = *it;
        const Column* column = layer.column(b.field);
        if (!column) {
            std::string names;
            for (const Column& c : layer.columns) names += (names.empty() ? "" : ", ") + c.name();
            throw Error("no field named '" + b.field + "' for " + b.meaning + " (fields: " + names + ")", where);
        }
        const Meaning* m = find_meaning(role, b.meaning);
        std::optional<size_t> bad_row;
        if (m && m->numeric && !column->is_numeric()) {
            // Text holding numbers is accepted; text holding words is not.
            for (size_t i = 0; i < column->size() && !bad_row; ++i)
                if (!column->is_null(i) && !column->number(i)) bad_row = i;
        }
        if (!bad_row) {
            ++it;
            continue;
        }
        const std::string found(column->string(*bad_row));
        if (b.guessed) {
            warnings.push_back("field '" + b.field + "' looked like " + b.meaning + " but holds text ('" + found +
                               "'); not used");
            it = map.bindings.erase(it);
            continue;
        }
        ErrorContext at = where;
        at.field = b.field;
        at.feature = layer.fids[*bad_row];
        throw Error(b.meaning + " must be a number, found '" + found + "'", at);
    }
    return warnings;
}

}  // namespace geo
