#pragma once
// Density contours and cluster footprints from a density raster, by GDAL's contour
// generator: lines at chosen levels, and polygons of the areas at or above a threshold.
#include <vector>

#include "geo/core/layer.h"
#include "geo/density/raster.h"

namespace geo {

// Lines with a "level" field. Levels must be finite; an empty list is an error.
Layer density_contours(const Raster& raster, const std::vector<double>& levels);
// Polygons (holes kept) where the density is at least `threshold`, each with "threshold"
// and "area_km2" fields.
Layer density_footprints(const Raster& raster, double threshold);

}  // namespace geo
