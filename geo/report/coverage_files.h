#pragma once
// Everything `parkcap coverage` writes for one run, built in one place: the layers of the
// GeoPackage (enterprises with their coverage, service areas, the roads reached and the
// service areas along them, gap areas, suggested sites), the tables by park, cluster and
// tier, and the summary printed on the terminal.
#include <string>
#include <utility>
#include <vector>

#include "geo/core/layer.h"
#include "geo/coverage/coverage_run.h"
#include "geo/report/csv_table.h"

#include "geo/project/terms.h"

namespace geo {

struct CoverageFiles {
    std::vector<std::pair<std::string, Layer>> layers;       // layer name, layer (empty optional layers left out)
    std::vector<std::pair<std::string, CsvTable>> tables;    // "_parks.csv", "_clusters.csv", "_tiers.csv" (where there are groups)
    std::vector<std::string> summary;                        // lines for the terminal
};

// The summary's words and facility type names in `language`.
CoverageFiles coverage_files(const LoadedProject& project, const CoverageRun& run, const CoverageSettings& settings,
                             Language language = Language::En);

}  // namespace geo
