#pragma once
// Writing a float32 raster as a GeoTIFF: georeferenced in its CRS, a declared nodata value,
// metadata items (kernel, bandwidth, units...), deflate-compressed and tiled. Written to a
// temporary file and renamed into place; an existing file is replaced only when allowed.
#include <filesystem>
#include <map>
#include <string>

#include "geo/density/raster.h"
#include "geo/io/crs.h"

namespace geo {

// `cog`: a Cloud-Optimized GeoTIFF (GDAL's COG driver: tiled, deflate, internal overviews),
// which web map servers and QGIS read a part at a time.
void write_geotiff(const Raster& raster, const Crs& crs, const std::filesystem::path& path, float nodata,
                   const std::map<std::string, std::string>& metadata, bool overwrite, bool cog = false);

}  // namespace geo
