#include "geo/coverage/service_radii.h"

#include <algorithm>
#include <cmath>

#include "geo/core/error.h"
#include "geo/io/csv_text.h"

namespace geo {

std::vector<FacilityType> parse_service_radii(const std::vector<std::vector<std::string>>& rows, const std::string& file)
{
    if (rows.empty()) throw Error("the service-radius table is empty", {.file = file});
    const auto& header = rows[0];
    auto column = [&](const char* name) -> size_t {
        auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) throw Error(std::string("no column '") + name + "' in the service-radius table", {.file = file});
        return static_cast<size_t>(it - header.begin());
    };
    const size_t code = column("facility_type"), radius = column("service_radius_m");
    const auto zh_it = std::find(header.begin(), header.end(), "facility_type_zh");
    std::vector<FacilityType> types;
    for (size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        const ErrorContext where{.file = file, .key = "line " + std::to_string(r + 1)};
        if (row.size() <= std::max(code, radius)) throw Error("too few columns", where);
        if (row[code].empty()) throw Error("an empty facility_type", where);
        char* end = nullptr;
        const double v = std::strtod(row[radius].c_str(), &end);
        if (row[radius].empty() || *end != '\0' || !std::isfinite(v) || v <= 0)
            throw Error("service_radius_m must be a positive number of metres, not '" + row[radius] + "'", where);
        auto it = std::find_if(types.begin(), types.end(), [&](const FacilityType& t) { return t.code == row[code]; });
        if (it == types.end()) {
            types.push_back({row[code], zh_it != header.end() && row.size() > static_cast<size_t>(zh_it - header.begin())
                                            ? row[static_cast<size_t>(zh_it - header.begin())]
                                            : "",
                             {}});
            it = types.end() - 1;
        }
        it->radii_m.push_back(v);
        std::sort(it->radii_m.begin(), it->radii_m.end());
    }
    return types;
}

std::vector<FacilityType> read_service_radii(const std::filesystem::path& path)
{
    return parse_service_radii(read_csv_file(path), path.string());
}

std::vector<FacilityType> service_radii_or_standard(const Project& project, const std::filesystem::path& standards_dir)
{
    std::vector<FacilityType> radii = project_service_radii(project);
    std::error_code ec;
    if (radii.empty() && std::filesystem::exists(standards_dir / "facility_service_radii.csv", ec))
        radii = read_service_radii(standards_dir / "facility_service_radii.csv");
    return radii;
}

const FacilityType* find_facility_type(const std::vector<FacilityType>& types, const std::string& value)
{
    for (const FacilityType& t : types)
        if (t.code == value || (!t.name_zh.empty() && t.name_zh == value)) return &t;
    return nullptr;
}

std::vector<FacilityType> project_service_radii(const Project& p)
{
    const Json& extra = p.extra;
    if (!extra.contains("analysis") || !extra["analysis"].contains("coverage") || !extra["analysis"]["coverage"].contains("radii"))
        return {};
    std::vector<std::vector<std::string>> rows = {{"facility_type", "facility_type_zh", "service_radius_m"}};
    for (const auto& r : extra["analysis"]["coverage"]["radii"]) {
        if (!r.is_object()) throw Error("each entry must be an object", {.file = p.file.string(), .key = "analysis.coverage.radii"});
        rows.push_back({r.value("facility_type", ""), r.value("facility_type_zh", ""),
                        r.contains("service_radius_m") ? r["service_radius_m"].dump() : ""});
    }
    return parse_service_radii(rows, p.file.string() + ": analysis.coverage.radii");
}

}  // namespace geo
