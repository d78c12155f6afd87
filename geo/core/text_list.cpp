#include "geo/core/text_list.h"

namespace geo {

TextList::TextList(std::initializer_list<std::string_view> texts)
{
    for (std::string_view t : texts) push_back(t);
}

void TextList::push_back(std::string_view text)
{
    m_chars.append(text);
    m_offsets.push_back(m_chars.size());
}

void TextList::reserve(size_t texts, size_t bytes)
{
    m_offsets.reserve(texts + 1);
    m_chars.reserve(bytes);
}

}  // namespace geo
