#pragma once
// The service radius of each facility type, from a planner's table such as
// datasets/standards/facility_service_radii.csv (columns facility_type, facility_type_zh,
// service_radius_m). A type may have several rows, one per radius (bus stops at 300 and
// 500 m). Facilities name their type in either language.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/project/project.h"

namespace geo {

struct FacilityType {
    std::string code;          // "bus_stop"
    std::string name_zh;       // "公交站点"
    std::vector<double> radii_m;  // ascending
};

// Throws geo::Error naming the file, line and column for a missing column, an empty type or
// a radius that is not a positive number.
std::vector<FacilityType> read_service_radii(const std::filesystem::path& path);
std::vector<FacilityType> parse_service_radii(const std::vector<std::vector<std::string>>& rows, const std::string& file);

// The radii stored in a project under analysis.coverage.radii ([{"facility_type",
// "facility_type_zh", "service_radius_m"}]); empty when it has none.
std::vector<FacilityType> project_service_radii(const Project& project);

// The radii a project uses: its own (analysis.coverage.radii), else facility_service_radii.csv
// in `standards_dir` when there is one, else none.
std::vector<FacilityType> service_radii_or_standard(const Project& project, const std::filesystem::path& standards_dir);

// The type a facility's type value names (code or Chinese name), or nullptr.
const FacilityType* find_facility_type(const std::vector<FacilityType>& types, const std::string& value);

}  // namespace geo
