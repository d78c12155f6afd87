#include "geo/capacity/capacity_run.h"

#include <algorithm>

#include "geo/capacity/scenario.h"
#include "geo/coverage/service_radii.h"

namespace geo {

namespace fs = std::filesystem;

namespace {

CapacityBase capacity_base(const LoadedProject& project, Layer* enterprises, const fs::path& standards_override)
{
    CapacityBase b;
    b.tables = load_capacity_tables(project.project, standards_override);
    std::vector<FacilityType> radii = project_service_radii(project.project);
    if (radii.empty()) {
        const fs::path dir = standards_folder(project.project, standards_override);
        std::error_code ec;
        if (fs::exists(dir / "facility_service_radii.csv", ec)) radii = read_service_radii(dir / "facility_service_radii.csv");
    }
    b.input = enterprises ? capacity_input(project, std::move(*enterprises), std::move(radii)) : capacity_input(project, std::move(radii));
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
