#pragma once
// Everything `parkcap coverage` writes for one run, built in one place: the layers of the
// GeoPackage (enterprises with their coverage, service areas, the roads reached and the
// service areas along them, gap areas, suggested sites), the tables by park, cluster and
// tier, and the summary printed on the terminal.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "geo/core/layer.h"
#include "geo/coverage/coverage_pushdown.h"
#include "geo/coverage/coverage_run.h"
#include "geo/io/layer_writer.h"
#include "geo/report/csv_table.h"

#include "geo/project/terms.h"

namespace geo {

struct CoverageFiles {
    // The enterprises with their coverage (enterprises_coverage_layer), the GeoPackage's first
    // layer, built a chunk of rows at a time as it is written: as long as the registry, it is
    // never whole in memory.
    std::function<Layer(size_t begin, size_t end)> enterprise_rows;
    size_t enterprises = 0;
    bool enterprises_multi = false;  // some enterprise is a multipoint: written as MultiPoint
    std::vector<std::pair<std::string, Layer>> layers;       // the other layers (empty optional layers left out)
    std::vector<std::pair<std::string, CsvTable>> tables;    // "_parks.csv", "_clusters.csv", "_tiers.csv" (where there are groups)
    std::vector<std::string> summary;                        // lines for the terminal
};

// The summary's words and facility type names in `language`.
// The result keeps references to `project` and `run`, which must outlive it.
CoverageFiles coverage_files(const LoadedProject& project, const CoverageRun& run, const CoverageSettings& settings,
                             Language language = Language::En);

// The tables of a coverage counted in the database (coverage_pushdown.h): "_parks.csv",
// "_clusters.csv", "_tiers.csv", each where it has groups, as coverage_files makes them.
std::vector<std::pair<std::string, CsvTable>> coverage_totals_tables(const CoverageTotals& totals);

// The GeoPackage: enterprises_coverage (250,000 rows at a time), then the other layers.
void write_coverage_layers(const CoverageFiles& files, const Crs& crs, const std::filesystem::path& path, const WriteOptions& options);

}  // namespace geo
