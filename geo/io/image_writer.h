#pragma once
// Writing an RGBA image (a basemap drawn for a view) as a georeferenced GeoTIFF: four byte
// bands with the alpha band declared, deflate-compressed; written to a temporary file and
// renamed into place; an existing file is replaced only when allowed.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "geo/core/envelope.h"
#include "geo/io/crs.h"

namespace geo {

// `rgba`: width x height pixels, row 0 at the north edge of `extent`. Throws geo::Error naming the file.
void write_rgba_geotiff(const std::vector<uint8_t>& rgba, int width, int height, const Envelope& extent, const Crs& crs,
                        const std::filesystem::path& path, bool overwrite);

}  // namespace geo
