#pragma once
// A CAD drawing as GDAL reads a DXF, sorted by kind, each entity with its CAD layer: lines
// (LINE, polylines open and closed, arcs as GDAL segments them), polygons (HATCH fills, the
// usual land-use colouring), texts (TEXT, MTEXT: a point and its string), in the drawing's own
// coordinates. Chinese text decodes with the header's $DWGCODEPAGE, or with the encoding given;
// a drawing that says nothing (or ANSI_1252) but holds non-ASCII bytes is read as GBK, said so.
// DWG: GDAL on Debian reads only R2000 (AC1015) through libopencad; newer ones get a message
// naming their version and asking for a DXF.
#include <filesystem>
#include <string>
#include <vector>

#include "geo/core/geometry.h"

namespace geo {

struct CadDrawing {
    GeometryColumn lines{GeomKind::Line};
    std::vector<std::string> line_layer;
    std::vector<uint8_t> line_closed;  // a closed polyline (first point = last)
    GeometryColumn polygons{GeomKind::Polygon};
    std::vector<std::string> polygon_layer;
    std::vector<Coord> text_xy;
    std::vector<std::string> text, text_layer;
    std::string encoding;              // how the text was decoded, in words
    std::vector<std::string> notes;    // entities left out (by kind, counted)
};

// `encoding` empty: from the header (see above). Throws geo::Error naming the file: not found,
// not a drawing GDAL reads, a DWG of a version it cannot read.
CadDrawing read_cad(const std::filesystem::path& file, const std::string& encoding = {});

// The AutoCAD release of a DWG/DXF version string ("AC1027" -> "AutoCAD 2013"); empty if unknown.
std::string autocad_release(const std::string& version);

}  // namespace geo
