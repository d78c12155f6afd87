#include "geo/core/column.h"

#include <charconv>
#include <cstdio>
#include <limits>

#include "geo/core/error.h"

namespace geo {

std::string_view to_string(FieldType type)
{
    switch (type) {
    case FieldType::Integer: return "integer";
    case FieldType::Real: return "real";
    case FieldType::String: return "string";
    }
    return "?";
}

Column::Column(std::string name, FieldType type) : m_name(std::move(name)), m_type(type) {}

void Column::push_null()
{
    switch (m_type) {
    case FieldType::Integer: m_ints.push_back(0); break;
    case FieldType::Real: m_reals.push_back(0); break;
    case FieldType::String: m_offsets.push_back(m_offsets.back()); break;
    }
    m_valid.push_back(0);
}

void Column::push_integer(int64_t v)
{
    switch (m_type) {
    case FieldType::Integer: m_ints.push_back(v); break;
    case FieldType::Real: m_reals.push_back(static_cast<double>(v)); break;
    case FieldType::String: push_string(std::to_string(v)); return;
    }
    m_valid.push_back(1);
}

void Column::push_real(double v)
{
    switch (m_type) {
    case FieldType::Integer: m_ints.push_back(static_cast<int64_t>(v)); break;
    case FieldType::Real: m_reals.push_back(v); break;
    case FieldType::String: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", v);
        push_string(buf);
        return;
    }
    }
    m_valid.push_back(1);
}

void Column::push_string(std::string_view v)
{
    if (m_type != FieldType::String) {
        double d = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
        if (ec == std::errc() && end == v.data() + v.size())
            m_type == FieldType::Integer ? push_integer(static_cast<int64_t>(d)) : push_real(d);
        else
            push_null();
        return;
    }
    if (m_chars.size() + v.size() > std::numeric_limits<uint32_t>::max())
        throw Error("text column larger than 4 GB", {.field = m_name});
    m_chars.append(v);
    m_offsets.push_back(static_cast<uint32_t>(m_chars.size()));
    m_valid.push_back(1);
}

void Column::push_from(const Column& src, size_t row)
{
    if (src.is_null(row)) push_null();
    else if (src.type() == FieldType::Integer) push_integer(src.integer(row));
    else if (src.type() == FieldType::Real) push_real(src.real(row));
    else push_string(src.string(row));
}

void Column::reserve(size_t rows)
{
    m_valid.reserve(rows);
    switch (m_type) {
    case FieldType::Integer: m_ints.reserve(rows); break;
    case FieldType::Real: m_reals.reserve(rows); break;
    case FieldType::String: m_offsets.reserve(rows + 1); break;
    }
}

std::string_view Column::string(size_t row) const
{
    return std::string_view(m_chars).substr(m_offsets[row], m_offsets[row + 1] - m_offsets[row]);
}

std::optional<double> Column::number(size_t row) const
{
    if (is_null(row)) return std::nullopt;
    switch (m_type) {
    case FieldType::Integer: return static_cast<double>(m_ints[row]);
    case FieldType::Real: return m_reals[row];
    case FieldType::String: {
        std::string_view s = string(row);
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
        double d = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
        if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
        return d;
    }
    }
    return std::nullopt;
}

std::string Column::text(size_t row) const
{
    if (is_null(row)) return {};
    switch (m_type) {
    case FieldType::Integer: return std::to_string(m_ints[row]);
    case FieldType::Real: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", m_reals[row]);
        return buf;
    }
    case FieldType::String: return std::string(string(row));
    }
    return {};
}

size_t Column::memory_bytes() const
{
    return m_ints.capacity() * 8 + m_reals.capacity() * 8 + m_chars.capacity() +
           m_offsets.capacity() * 4 + m_valid.capacity();
}

}  // namespace geo
