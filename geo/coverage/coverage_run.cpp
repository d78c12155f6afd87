#include "geo/coverage/coverage_run.h"

#include "geo/core/error.h"
#include "geo/scenario/enterprise_edits.h"
#include "geo/scenario/facility_edits.h"

namespace geo {

CoverageRun run_coverage(const LoadedProject& project, const CoverageSettings& settings, const std::string& scenario_name,
                         const Progress& progress)
{
    const LoadedLayer* firms = project.first(Role::Enterprises);
    const LoadedLayer* fac = project.first(Role::Facilities);
    if (!firms || !fac) throw Error("coverage needs an enterprises layer and a facilities layer in the project", {.file = project.project.file.string()});
    const std::string* type_field = fac->fields.field_for("type");
    if (!type_field)
        throw Error("no field is bound to the facility type (set \"fields\": {\"type\": ...})", {.file = fac->data->source, .layer = fac->data->name});
    const std::vector<FacilityType>& types = settings.types;
    if (types.empty())
        throw Error("no service radii: give --radii datasets/standards/facility_service_radii.csv, or name the table in the project "
                    "(analysis.coverage.radii_table)");

    CoverageRun run;
    run.firms = *firms;
    run.facilities = *fac->data;
    if (!scenario_name.empty()) {
        Scenario scenario = scenario_named(project.project, scenario_name);
        upgrade_legacy_edits(scenario, *fac, types, project.working.crs);
        const std::string* capacity_field = fac->fields.field_for("capacity");
        run.facilities = apply_facility_edits(*fac->data, fac->config.id, *type_field, capacity_field ? *capacity_field : "", scenario,
                                              project.working.crs);
        run.firms = apply_enterprise_edits(*firms, scenario, project.working.crs);
        size_t others = 0;
        for (const Edit& e : scenario.edits) others += !changes_coverage(e);
        std::string note = "scenario '" + scenario.name + "': " + std::to_string(run.facilities.size()) + " facilities after its edits (" +
                           std::to_string(fac->data->size()) + " before)";
        if (const size_t incoming = incoming_enterprises(scenario)) note += ", " + std::to_string(incoming) + " incoming enterprises";
        if (others) note += ", " + std::to_string(others) + " edits of other kinds do not change coverage";
        run.notes.push_back(note);
    }
    run.type_column = run.facilities.column(*type_field);
    const GeometryColumn& demand = run.firms.data->geometry;
    run.straight = straight_line_coverage(demand, run.facilities, *run.type_column, types, progress);
    if (settings.network) {
        const LoadedLayer* roads = project.first(Role::Roads);
        if (!roads) throw Error("measuring along the roads (--network, analysis.coverage.network) needs a roads layer in the project", {.file = project.project.file.string()});
        try {
            run.network = std::make_shared<const RoadNetwork>(roads->data->geometry);
        } catch (const Error& e) {
            throw Error(e.message(), {.file = roads->data->source, .layer = roads->data->name});
        }
        run.network_detail = network_coverage(demand, run.facilities, *run.type_column, types, *run.network, settings.attach_limit_m, progress);
        run.by_road = run.straight;
        for (size_t t = 0; t < run.straight.types.size(); ++t) run.by_road.types[t].distance = run.network_detail->distance[t];
    }
    return run;
}

}  // namespace geo
