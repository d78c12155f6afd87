#pragma once
// Turning an OGR layer that GDAL itself produced (an in-memory result of contouring, say)
// into an in-memory parkcap Layer, with the same skip/repair rules as reading a file.
#include <string>

#include <ogrsf_frmts.h>

#include "geo/core/layer.h"

namespace geo {

// Coordinates are taken as they are (already in the working CRS).
Layer layer_from_ogr(OGRLayer& ogr, const std::string& name);

}  // namespace geo
