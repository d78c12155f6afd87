#pragma once
// One capacity evaluation of a loaded project, baseline or a named scenario: what the CLI
// and the GUI both call, so that they give the same numbers.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/capacity/capacity_input.h"
#include "geo/capacity/capacity_model.h"
#include "geo/capacity/capacity_tables.h"
#include "geo/capacity/growth.h"
#include "geo/project/loaded_project.h"

namespace geo {

struct CapacityBase {
    CapacityInput input;
    CapacityTables tables;
    CapacityCoverage coverage;  // of the baseline's facilities, reused by scenarios that add none
};

struct CapacityRun {
    std::string scenario;  // empty: the baseline
    CapacityInput input;   // after the scenario's edits
    CapacityResult result;
    CapacityTables tables;  // as the scenario left them (the reasons of its plots read them)
    std::vector<ParkGrowth> growth;
    std::vector<std::string> notes;
};

// Reads the tables and the layers once. Radii for the coverage indicators come from the
// project (analysis.coverage.radii), else facility_service_radii.csv beside the standards.
CapacityBase capacity_base(const LoadedProject& project, const std::filesystem::path& standards_override = {});
// The same, consuming the project's enterprises (take_features): for the command line, where
// the evaluation is all that reads them, so a registry of millions is never in memory twice.
CapacityBase capacity_base(LoadedProject& project, Layer enterprises, const std::filesystem::path& standards_override = {});

// The enterprises' meanings capacity reads, for loading only those fields; with the project,
// also what its rule for under-used plots reads (the credit code for the 亩均 class).
std::vector<std::string> capacity_fields();
std::vector<std::string> capacity_fields(const Project& project);

// Evaluates the baseline (scenario empty) or one of `project`'s scenarios on copies of
// `base`, whose coordinates are in `working`.
CapacityRun run_capacity(const Project& project, const Crs& working, const CapacityBase& base, const std::string& scenario);

}  // namespace geo
