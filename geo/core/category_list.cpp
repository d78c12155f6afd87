#include "geo/core/category_list.h"

namespace geo {

CategoryList::CategoryList(std::initializer_list<std::string_view> texts)
{
    for (std::string_view t : texts) push_back(t);
}

void CategoryList::push_back(std::string_view text)
{
    // Rows of one category often come together: the last code is tried first.
    if (!m_codes.empty() && m_values[m_codes.back()] == text) {
        m_codes.push_back(m_codes.back());
        return;
    }
    const auto [it, added] = m_index.try_emplace(std::string(text), static_cast<uint32_t>(m_values.size()));
    if (added) m_values.push_back(text);
    m_codes.push_back(it->second);
}

}  // namespace geo
