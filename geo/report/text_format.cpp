#include "geo/report/text_format.h"

#include <ctime>

#include <cmath>
#include <cstdio>

namespace geo {

std::string grouped(int64_t v)
{
    std::string digits = std::to_string(v < 0 ? -(v + 1) + 1 : v), out;  // no overflow at INT64_MIN + 1
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
}

std::string grouped(double v)
{
    if (std::isnan(v)) return "unknown";
    if (!std::isfinite(v)) return "no limit";
    const double r = std::round(v);
    if (std::abs(r) < 9e18) return grouped(static_cast<int64_t>(r));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::string signed_grouped(double v) { return (v > 0 ? "+" : "") + grouped(v); }

std::string joined(const std::vector<std::string>& items, std::string_view separator)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += separator;
        out += items[i];
    }
    return out;
}

std::string binding_text(const std::vector<std::string>& factors) { return joined(factors, " = "); }

std::string today()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char b[16];
    std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
    return b;
}

std::string xml_escape(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace geo
