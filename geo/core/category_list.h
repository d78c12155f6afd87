#pragma once
// A list of texts drawn from a few distinct values (clusters, tiers, industry codes): each
// distinct text is stored once and every row holds a 4-byte code. The reading and appending
// interface of TextList; for ten million enterprises with 20 clusters it costs 40 MB where a
// TextList costs 250.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/core/text_list.h"

namespace geo {

class CategoryList {
public:
    CategoryList() = default;
    CategoryList(std::initializer_list<std::string_view> texts);

    void push_back(std::string_view text);
    void emplace_back() { push_back({}); }
    void reserve(size_t texts) { m_codes.reserve(texts); }

    std::string_view operator[](size_t i) const { return m_values[m_codes[i]]; }
    size_t size() const { return m_codes.size(); }
    bool empty() const { return m_codes.empty(); }
    // The distinct texts in order of first appearance, and each row's index into them.
    const TextList& values() const { return m_values; }
    uint32_t code(size_t i) const { return m_codes[i]; }

private:
    TextList m_values;
    std::unordered_map<std::string, uint32_t> m_index;
    std::vector<uint32_t> m_codes;
};

}  // namespace geo
