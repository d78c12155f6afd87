#include "geo/capacity/capacity_run.h"

#include <algorithm>
#include <optional>

#include "geo/capacity/building_uses.h"
#include "geo/capacity/scenario.h"
#include "geo/core/error.h"
#include "geo/overlay/zone_assignment.h"
#include "geo/performance/performance_run.h"
#include "geo/coverage/service_radii.h"
#include "geo/project/settings_reader.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

CapacityBase capacity_base(const LoadedProject& project, Layer* enterprises, const fs::path& standards_override)
{
    CapacityBase b;
    b.tables = load_capacity_tables(project.project, standards_override);
    std::vector<FacilityType> radii = service_radii_or_standard(project.project, standards_folder(project.project, standards_override));
    // The project's rule for under-used plots, when it is not the model's own: the lowest
    // 亩均效益 class (scored before the enterprises move into the input), or the sites.
    const std::string rule = b.tables.parameters.count("underused_rule") ? b.tables.parameters.at("underused_rule") : "bottom_share";
    std::vector<uint8_t> marked;
    std::string words;
    if (parse_underused_rule(rule) == UnderusedRule::PerformanceClass) {
        const LoadedLayer* firms = project.first(Role::Enterprises);
        if (!firms) throw Error("the project has no enterprises layer");
        const PerformanceRun perf = run_performance(project, enterprises ? *enterprises : *firms->data, performance_settings(project.project), standards_override);
        const int lowest = static_cast<int>(perf.preset.classes.size()) - 1;
        for (int c : perf.scores.klass) marked.push_back(c == lowest);
        words = "亩均效益 class " + perf.preset.classes.back().name + " (" + perf.preset.name + ")";
    }
    // The buildings' owners are found by the enterprises' names and credit codes, read before
    // the enterprises move into the input.
    std::optional<EnterpriseBuildings> buildings;
    if (const LoadedLayer* layer = project.first(Role::Buildings)) {
        const LoadedLayer* firms = project.first(Role::Enterprises);
        if (!firms) throw Error("the project has no enterprises layer");
        const Layer& data = enterprises ? *enterprises : *firms->data;
        EnterpriseKeys keys;
        for (size_t i = 0; i < data.size(); ++i) keys.xy.push_back(data.geometry.first_coord(i));
        keys.name = bound_texts(*firms, data, "name");
        keys.credit_code = firms->fields.field_for("credit_code") ? bound_texts(*firms, data, "credit_code") : std::vector<std::string>();
        const LoadedLayer* sites = project.first(Role::Sites);
        buildings = enterprise_buildings(*layer, keys, sites ? sites->data->geometry : GeometryColumn(GeomKind::Polygon),
                                         read_building_uses(b.tables.building_uses));
    }
    b.input = enterprises ? capacity_input(project, std::move(*enterprises), std::move(radii)) : capacity_input(project, std::move(radii));
    if (parse_underused_rule(rule) == UnderusedRule::SiteStatus) {
        const auto statuses = b.tables.list("underused_site_statuses");
        GeometryColumn points(GeomKind::Point);
        for (const Coord& c : b.input.firms->xy) points.add_point(c);
        const ZoneAssignment on = assign_to_zones(points, b.input.sites);
        for (int32_t s : on.zone_of)
            marked.push_back(s >= 0 && std::find(statuses.begin(), statuses.end(), b.input.site_status[static_cast<size_t>(s)]) != statuses.end());
        words = "on a site whose status is an under-used one (underused_site_statuses)";
    }
    if (buildings) apply_enterprise_buildings(b.input, *buildings);
    b.input.underused_marked = std::move(marked);
    b.input.underused_rule_words = words;
    b.coverage = capacity_coverage(b.input);
    return b;
}

}  // namespace

CapacityBase capacity_base(const LoadedProject& project, const fs::path& standards_override)
{
    return capacity_base(project, nullptr, standards_override);
}

CapacityBase capacity_base(LoadedProject& project, Layer enterprises, const fs::path& standards_override)
{
    return capacity_base(project, &enterprises, standards_override);
}

std::vector<std::string> capacity_fields()
{
    return {"name", "industry_code", "cluster", "tier", "employees", "floor_area", "land_area", "footprint_area",
            "admin_living_area", "green_area", "storey_height", "output_value", "tax"};
}

std::vector<std::string> capacity_fields(const Project& project)
{
    std::vector<std::string> f = capacity_fields();
    const SettingsReader r = SettingsReader(project, "capacity").child("parameters");
    const bool buildings = std::any_of(project.layers.begin(), project.layers.end(), [](const ProjectLayer& l) { return l.role == Role::Buildings; });
    if (buildings || (r.has("underused_rule") && r.text("underused_rule", "") == "performance_class")) f.push_back("credit_code");
    return f;
}

CapacityRun run_capacity(const Project& project, const Crs& working, const CapacityBase& base, const std::string& scenario)
{
    CapacityRun run;
    run.scenario = scenario;
    run.input = base.input;
    CapacityTables tables = base.tables;
    if (!scenario.empty()) apply_scenario(project, scenario, working, run.input, tables, run.notes);
    // The baseline's coverage holds while the scenario leaves the facilities and enterprises
    // as they were (a moved facility or an incoming enterprise needs a fresh one).
    const bool same = run.input.firms == base.input.firms && run.input.facility_xy.size() == base.input.facility_xy.size() &&
                      std::equal(run.input.facility_xy.begin(), run.input.facility_xy.end(), base.input.facility_xy.begin(),
                                 [](const Coord& a, const Coord& b) { return a.x == b.x && a.y == b.y; }) &&
                      run.input.facility_type == base.input.facility_type;
    run.result = evaluate_capacity(run.input, tables, same ? &base.coverage : nullptr);
    run.tables = tables;
    run.growth = growth_against_capacity(run.input, run.result, tables, run.notes);
    return run;
}

}  // namespace geo
