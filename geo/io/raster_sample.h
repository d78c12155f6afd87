#pragma once
// Reading a raster's values at points: band 1 at each point's cell (points in `crs`, moved into
// the raster's own CRS), NaN off the raster or on its no-data value.
#include <filesystem>
#include <vector>

#include "geo/core/geometry.h"
#include "geo/io/crs.h"

namespace geo {

// Throws geo::Error naming the file when GDAL cannot read it or it has no CRS.
std::vector<double> sample_raster(const std::filesystem::path& file, const std::vector<Coord>& xy, const Crs& crs);

}  // namespace geo
