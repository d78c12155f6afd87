#pragma once
// The layers a planner works with, made from a CAD drawing by a layer template: parcels, green
// space and buildings as polygons (HATCH fills, closed polylines, and parcel boundaries drawn as
// separate lines polygonized with GEOS; a closed polyline under an identical hatch counted
// once), roads as lines, and each label text (parcel number, land use, FAR) attached to the
// smallest parcel that contains it; a building's label (text on a buildings layer, or on a label
// layer of the attribute "use": 办公楼, 倒班宿舍 6F) to the smallest building, as its use.
// Labels inside no polygon are kept as points, never dropped.
#include <string>
#include <vector>

#include "geo/cad/cad_drawing.h"
#include "geo/cad/cad_template.h"
#include "geo/cad/datum_shift.h"
#include "geo/cad/registration.h"
#include "geo/core/layer.h"

namespace geo {

struct CadLayers {
    Layer parcels, green, buildings;  // cad_layer, source, area_m2; parcels: the labels' attributes (text), far_value; buildings: use
    Layer roads;                      // cad_layer
    Layer unplaced_labels;            // cad_layer, attribute, text: labels inside no polygon
    std::vector<std::string> notes;   // what was made from what, in words
};

// Moves every coordinate of the drawing by `t`.
void transform_drawing(CadDrawing& d, const PlaneTransform& t);
// A drawing in Gauss-Kruger coordinates whose eastings carry the zone number (36 427000.00):
// the zone taken off every easting and returned; 0 (and nothing moved) when they carry none
// or the number names no CGCS2000 zone.
int take_off_zone_prefix(CadDrawing& d);
// Moves every coordinate of the drawing from `from` to `to`: with `datum`, through those 7
// parameters onto CGCS2000 (shift_datum); else by PROJ. Throws geo::Error naming `file` when
// PROJ cannot move a coordinate.
void reproject_drawing(CadDrawing& d, const Crs& from, const Crs& to, const SevenParameters* datum, const std::string& file);

CadLayers cad_layers(const CadDrawing& d, const CadTemplate& t);

// The number in a FAR label ("容积率≤2.0", "FAR 1.5", "2.5"): the last number written; NaN if none.
double number_in_label(const std::string& text);

}  // namespace geo
