#include "geo/core/attribute_edit.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "geo/core/error.h"

namespace geo {

namespace {

std::string trimmed(const std::string& s)
{
    const size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

std::optional<int64_t> whole(const std::string& s)
{
    if (s.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (*end != '\0' || errno == ERANGE) return std::nullopt;
    return static_cast<int64_t>(v);
}

std::optional<double> real(const std::string& s)
{
    if (s.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (*end != '\0' || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace

void check_value(const Column& column, const std::string& text)
{
    const std::string t = trimmed(text);
    if (t.empty() || column.type() == FieldType::String) return;
    if (column.type() == FieldType::Integer && !whole(t))
        throw Error(column.name() + " is a whole-number field: '" + text + "' is not a whole number");
    if (column.type() == FieldType::Real && !real(t)) throw Error(column.name() + " is a number field: '" + text + "' is not a number");
}

Layer with_value(const Layer& layer, size_t column, size_t row, const std::optional<std::string>& text)
{
    if (column >= layer.columns.size() || row >= layer.size()) throw Error("no such attribute cell");
    const Column& old = layer.columns[column];
    if (text) check_value(old, *text);
    Layer out = layer;  // geometry and the other columns copied as they are
    Column fresh(old.name(), old.type());
    fresh.reserve(old.size());
    for (size_t r = 0; r < old.size(); ++r) {
        if (r != row) {
            fresh.push_from(old, r);
            continue;
        }
        const std::string t = text ? (old.type() == FieldType::String ? *text : trimmed(*text)) : std::string();
        if (t.empty()) fresh.push_null();
        else if (old.type() == FieldType::Integer) fresh.push_integer(*whole(t));
        else if (old.type() == FieldType::Real) fresh.push_real(*real(t));
        else fresh.push_string(t);
    }
    out.columns[column] = std::move(fresh);
    return out;
}

}  // namespace geo
