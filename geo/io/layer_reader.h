#pragma once
// Reading one OGR layer into memory, transformed once into the working CRS. Two steps, so
// that a project can choose its working CRS from the features themselves: read in the
// source CRS, then project into the working CRS (checking and repairing on the way).
#include <vector>

#include "geo/core/envelope.h"
#include "geo/core/layer.h"
#include "geo/core/polygon_repair.h"
#include "geo/core/progress.h"
#include "geo/io/crs.h"
#include "geo/io/layer_source.h"

namespace geo {

// A layer read as it is in its source: coordinates in `crs` (declared GCJ-02/BD-09
// coordinates already converted, so `crs` is then WGS 84).
struct SourceLayer {
    Layer layer;
    Crs crs;
};

// Reads every feature in its source CRS.
// - Empty or missing geometries and geometries of another dimension than the layer's are
//   skipped and listed with their feature ids; collections give up their parts of the
//   layer's dimension (see LayerSource::wanted).
// - Text that is not valid UTF-8 is decoded as GBK (or the source's named encoding).
// Throws geo::Error (with file and layer) when the source cannot be read to the end.
SourceLayer read_source_layer(const LayerSource& source, const Progress& progress = {});

// The longitude/latitude of the centre of each feature's box, for choosing a working CRS:
// every feature when there are at most `max_features`, else an evenly strided sample of that
// many. Features whose centre is not finite or not a longitude/latitude are left out.
std::vector<Coord> lonlat_centres(const SourceLayer& source, size_t max_features = 200'000);

// Projects a source layer into `working`:
// - coordinates that are not finite, or not longitude/latitude in a geographic source, and
//   coordinates the working CRS cannot represent, are skipped with that reason;
// - features far from a Transverse Mercator working CRS's central meridian (lengths off by
//   more than 1%) are named in a warning;
// - invalid polygons are repaired within `budget` (see polygon_repair.h); the method is noted
//   per feature, and a feature over budget is skipped and reported, never hung on.
Layer project_layer(SourceLayer source, const Crs& working, const Progress& progress = {},
                    const RepairBudget& budget = {});

// read_source_layer then project_layer.
Layer read_layer(const LayerSource& source, const Crs& working, const Progress& progress = {});

}  // namespace geo
