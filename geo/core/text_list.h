#pragma once
// A list of texts in one buffer with offsets: the reading and appending interface of a
// vector<string> at a fraction of its memory (no 32-byte header and heap block per text), for
// the per-enterprise names, codes, clusters and tiers of a ten-million-row registry.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

class TextList {
public:
    TextList() = default;
    TextList(std::initializer_list<std::string_view> texts);

    void push_back(std::string_view text);
    void emplace_back() { push_back({}); }
    void reserve(size_t texts, size_t bytes);

    std::string_view operator[](size_t i) const
    {
        return std::string_view(m_chars).substr(m_offsets[i], m_offsets[i + 1] - m_offsets[i]);
    }
    size_t size() const { return m_offsets.size() - 1; }
    bool empty() const { return size() == 0; }
    size_t memory_bytes() const { return m_chars.capacity() + m_offsets.capacity() * sizeof(uint64_t); }

private:
    std::string m_chars;
    std::vector<uint64_t> m_offsets{0};
};

}  // namespace geo
