#pragma once
// An in-memory layer: one geometry column in the working CRS plus typed attribute columns,
// with what the reader had to repair or skip on the way in.
#include <cstdint>
#include <string>
#include <vector>

#include "geo/core/column.h"
#include "geo/core/geometry.h"

namespace geo {

// One feature the reader changed or left out, with why.
struct FeatureNote {
    int64_t fid = -1;
    std::string reason;
};

struct LoadReport {
    std::vector<FeatureNote> repaired;  // kept after GEOS MakeValid
    std::vector<FeatureNote> skipped;   // empty, non-finite, wrong type, untransformable
    std::vector<std::string> warnings;  // layer-level remarks (CRS assumed, encoding, ...)
};

struct Layer {
    std::string name;        // layer name in its source
    std::string source;      // path or connection string as given
    std::string driver;      // GDAL driver short name
    std::string source_crs;  // e.g. "EPSG:4326 (WGS 84)"
    std::string encoding;    // text encoding used for a Shapefile; empty otherwise
    std::string coordinate_system;  // "wgs84", "gcj02" or "bd09" for declared web-map points
    GeometryColumn geometry;
    std::vector<int64_t> fids;  // source feature id of each stored feature
    std::vector<Column> columns;
    LoadReport report;

    size_t size() const { return fids.size(); }
    // nullptr when there is no column of that name (exact, case-sensitive match).
    const Column* column(std::string_view column_name) const;
    size_t memory_bytes() const;
};

// A copy of `layer` with only the rows whose `keep` flag is set (report left behind).
Layer select_rows(const Layer& layer, const std::vector<uint8_t>& keep);
// A copy with the rows in `order` (row indices, each once).
Layer reorder_rows(const Layer& layer, const std::vector<uint32_t>& order);
// A copy of rows [begin, end) (clamped), for writing a long layer a chunk at a time.
Layer slice_rows(const Layer& layer, size_t begin, size_t end);

}  // namespace geo
