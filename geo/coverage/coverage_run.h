#pragma once
// One coverage analysis of a loaded project, baseline or a named scenario: the facilities
// after the scenario's facility edits, the enterprises with its incoming ones, straight-line
// coverage and, with settings.network, distances along the roads. What `parkcap coverage`
// runs; its files and tables come from geo/report/coverage_outputs.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/core/progress.h"
#include "geo/coverage/coverage_settings.h"
#include "geo/coverage/road_network.h"
#include "geo/coverage/straight_coverage.h"
#include "geo/project/loaded_project.h"

namespace geo {

struct CoverageRun {
    LoadedLayer firms;           // the enterprises layer (with a scenario's incoming enterprises)
    Layer facilities;            // after a scenario's facility edits
    const Column* type_column = nullptr;  // in `facilities`
    CoverageResult straight;
    std::shared_ptr<const RoadNetwork> network;  // with settings.network
    std::optional<NetworkCoverage> network_detail;
    CoverageResult by_road;       // `straight` with network distances (with settings.network)
    std::vector<std::string> notes;  // what the scenario changed

    // The distances gaps and suggestions are measured by: along the roads when measured.
    const CoverageResult& measured() const { return network ? by_road : straight; }
};

// Throws geo::Error when the project has no enterprises or facilities (or features), no type
// field, no service radii, no roads with settings.network, or `scenario` names none.
CoverageRun run_coverage(const LoadedProject& project, const CoverageSettings& settings, const std::string& scenario = {},
                         const Progress& progress = {});

}  // namespace geo
