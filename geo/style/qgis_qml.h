#pragma once
// A layer style as QGIS's QML (the format of a .qml file and of a GeoPackage's
// layer_styles.styleQML), so an exported layer opens in QGIS drawn as parkcap drew it:
// single symbol, categorised (categories and their symbols) or graduated (ranges), fill,
// outline, point size and line width in pixels, opacity and labels. `style` must have been
// classified (geo::classify) for its categories and classes.
#include <string>

#include "geo/core/geometry.h"
#include "geo/style/layer_style.h"

namespace geo {

std::string qgis_qml(const LayerStyle& style, GeomKind kind);
// A single-band raster (a density surface) on `ramp` from `min` to `max`, values at or below
// `min` transparent, as QGIS's singlebandpseudocolor renderer: the .qml beside a GeoTIFF.
std::string qgis_raster_qml(Ramp ramp, double min, double max, double opacity);

}  // namespace geo
