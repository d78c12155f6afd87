#pragma once
// How numbers and lists read in every report, table and panel: written once, so the CLI, the
// CSVs and the GUI never disagree (they used to: "power_kw+water" in one, "power_kw = water"
// in another; three thousands separators).
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

// 1234567 -> "1,234,567"; -1234.6 -> "-1,235". NaN -> "unknown", infinity -> "no limit".
std::string grouped(double value);
std::string grouped(int64_t value);
inline std::string grouped(size_t value) { return grouped(static_cast<int64_t>(value)); }
// "+1,234" for a positive change.
std::string signed_grouped(double value);

// Text for XML or HTML: & < > " ' as entities.
std::string xml_escape(std::string_view text);

// Today's local date as printed on maps and reports: "2026-11-30".
std::string today();

// Items with `separator` between them.
std::string joined(const std::vector<std::string>& items, std::string_view separator);
// The binding factors of a capacity, ties named together: "power_kw = water_m3d".
std::string binding_text(const std::vector<std::string>& factors);

// printf into a string (a line of a terminal summary); longer than 1,000 bytes is cut.
template <class... Args>
std::string printf_text(const char* format, Args... args)
{
    char buf[1024];
    std::snprintf(buf, sizeof buf, format, args...);
    return buf;
}

}  // namespace geo
