#pragma once
// What travels with a density surface written to a file: the metadata a GeoTIFF records, so
// that a reader (QGIS, gdalinfo, a colleague) knows how it was made. Built once for the
// command and any export of the panel's surface.
#include <map>
#include <string>

#include "geo/density/kde.h"
#include "geo/density/point_selection.h"
#include "geo/io/crs.h"

namespace geo {

// KERNEL, BANDWIDTH_M, BANDWIDTH_RULE, METHOD, UNITS, WEIGHT, POINTS, TOTAL_WEIGHT,
// WORKING_CRS, SELECTION ("cluster=...;tier=...;industry=...;park=..."), SOFTWARE.
std::map<std::string, std::string> density_metadata(const KdeResult& result, const PointSelection& selection,
                                                    const PointFilter& filter, const Crs& working, const std::string& software);

}  // namespace geo
