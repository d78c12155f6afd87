#pragma once
// A CAD site plan made into GIS layers, every step as `parkcap cad` and the planner's File >
// Import CAD drawing take it: the DXF read (its code page, or an encoding given), registered
// from control points or its eastings' zone number taken off, moved from an old datum (Beijing
// 1954, Xi'an 1980) by PROJ or 7 parameters, then parcels, green space, buildings, roads and
// unplaced labels by the layer template.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/cad/cad_layers.h"
#include "geo/core/error.h"
#include "geo/io/crs.h"

namespace geo {

struct CadImportOptions {
    std::filesystem::path drawing;
    std::string encoding;                  // empty: the drawing's $DWGCODEPAGE
    CadTemplate layer_template = default_cad_template();
    std::filesystem::path control;         // control points (CSV); empty: none
    PlaneTransformKind transform = PlaneTransformKind::Similarity;
    std::string crs;                       // the target CRS; empty: the zone the eastings name
    std::string from_crs;                  // the CRS the drawing (or its control points) is in, when not the target
    std::optional<SevenParameters> datum;  // with from_crs: onto CGCS2000 by these
};

struct CadImport {
    CadLayers layers;
    Crs crs;                       // the layers'
    std::vector<std::string> log;  // what was done, in words (the drawing read, the registration's residuals, the datum)
    std::vector<std::string> notes;  // the reader's remarks (encoding guessed, ...)
};

// No CRS was given and neither the drawing's eastings nor its control points name one.
class CadNeedsCrs : public Error {
public:
    using Error::Error;
};

// Throws geo::Error naming the drawing, the control file or the missing choice (a datum
// without from_crs; from_crs without crs), CadNeedsCrs when the CRS must be given.
CadImport import_cad(const CadImportOptions& options);

}  // namespace geo
