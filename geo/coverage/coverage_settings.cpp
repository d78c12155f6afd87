#include "geo/coverage/coverage_settings.h"

#include "geo/project/settings_reader.h"

namespace geo {

CoverageSettings coverage_settings(const Project& project)
{
    const SettingsReader r(project, "coverage");
    CoverageSettings s;
    s.network = r.flag("network", s.network);
    s.attach_limit_m = r.number_in("attach_limit_m", s.attach_limit_m, 0, 1e6, true);
    s.walk_off_m = r.number_in("walk_off_m", s.walk_off_m, 0, 1e5, true);
    s.radii_table = r.text("radii_table", "");
    if (r.has("radii")) {
        if (!project.extra["analysis"]["coverage"]["radii"].is_array()) r.fail("radii", "must be a list of {facility_type, service_radius_m}");
        s.types = project_service_radii(project);
    } else if (!s.radii_table.empty()) {
        const std::filesystem::path folder = project.file.has_parent_path() ? project.file.parent_path() : ".";
        const std::filesystem::path table = std::filesystem::path(s.radii_table).is_absolute() ? std::filesystem::path(s.radii_table) : folder / s.radii_table;
        s.types = read_service_radii(table.lexically_normal());
    }
    return s;
}

Json to_json(const CoverageSettings& s, bool inline_radii)
{
    Json j = {{"network", s.network}, {"attach_limit_m", s.attach_limit_m}, {"walk_off_m", s.walk_off_m}};
    if (!s.radii_table.empty()) j["radii_table"] = s.radii_table;
    if (inline_radii) {
        Json list = Json::array();
        for (const FacilityType& t : s.types)
            for (double r : t.radii_m) list.push_back({{"facility_type", t.code}, {"facility_type_zh", t.name_zh}, {"service_radius_m", r}});
        j["radii"] = list;
    }
    return j;
}

}  // namespace geo
