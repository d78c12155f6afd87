#pragma once
// Reading one OGR layer into memory, transformed once into the working CRS.
#include "geo/core/envelope.h"
#include "geo/core/layer.h"
#include "geo/core/progress.h"
#include "geo/io/crs.h"
#include "geo/io/layer_source.h"

namespace geo {

// What can be learned about a layer without reading its features.
struct LayerProbe {
    std::string driver;
    std::string layer_name;
    Crs crs;                 // resolved source CRS
    Envelope lonlat_extent;  // in WGS 84 longitude/latitude; empty when unknown
    int64_t feature_count = -1;
};

LayerProbe probe_layer(const LayerSource& source);

// Reads every feature into a Layer in `working` CRS.
// - Declared GCJ-02/BD-09 coordinates are converted to WGS 84 first.
// - Empty or missing geometries, non-finite or untransformable coordinates, and geometries
//   of another dimension than the layer's are skipped; invalid polygons are repaired with
//   GEOS MakeValid. Both are listed in the report with their feature ids.
// - Text that is not valid UTF-8 is decoded as GBK (or the source's named encoding).
// Throws geo::Error (with file and layer) when the source cannot be read to the end.
Layer read_layer(const LayerSource& source, const Crs& working, const Progress& progress = {});

}  // namespace geo
