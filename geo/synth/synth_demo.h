#pragma once
// `parkcap synth`: a deterministic, seeded generator of the synthetic Chongqing demo project.
// Parks, enterprises, facilities, roads, constraints and sites are invented (placed near
// real industrial parks so that the demo feels like real data); the same seed gives the same
// data on every machine. Layers come in several formats on purpose, so that every reading
// path runs daily: GeoPackage in CGCS2000 (EPSG:4490) and in a projected CRS (EPSG:4545), a
// CSV in GCJ-02, a GBK Shapefile without .cpg, FlatGeobuf, GeoJSON.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/core/progress.h"

namespace geo {

struct SynthOptions {
    std::filesystem::path folder;     // created if missing
    int64_t enterprises = 20000;
    uint64_t seed = 20261126;
    std::filesystem::path districts;  // a districts layer to copy in (optional)
    bool overwrite = false;           // replace files of an earlier run
};

struct SynthSummary {
    std::filesystem::path project_file;
    std::vector<std::string> files;
    int64_t parks = 0, enterprises = 0, facilities = 0, roads = 0, constraints = 0, sites = 0;
};

// Throws geo::Error naming the file when something cannot be written, or when a file exists
// and `overwrite` is false (nothing is written in that case).
SynthSummary synthesize_demo(const SynthOptions& options, const Progress& progress = {});

}  // namespace geo
