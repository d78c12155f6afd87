#include "geo/cad/cad_import.h"

#include <algorithm>

#include "geo/core/error.h"
#include "geo/report/registration_summary.h"
#include "geo/report/text_format.h"

namespace geo {

CadImport import_cad(const CadImportOptions& o)
{
    CadImport out;
    const std::string file = o.drawing.string();
    if (o.datum && o.from_crs.empty())
        throw Error("a datum transform needs the old CRS the drawing or its control points are in (Beijing 1954 or Xi'an 1980 Gauss-Kruger)", {.file = file});
    if (!o.from_crs.empty() && o.crs.empty()) throw Error("the old CRS needs a target CRS to move the drawing onto", {.file = file});
    CadDrawing d = read_cad(o.drawing, o.encoding);
    out.log.push_back(printf_text("%s: %zu lines (%zu closed), %zu hatch polygons, %zu texts; %s", file.c_str(), d.lines.size(),
                                  static_cast<size_t>(std::count(d.line_closed.begin(), d.line_closed.end(), 1)), d.polygons.size(), d.text.size(),
                                  d.encoding.c_str()));
    out.notes = d.notes;
    int zone = 0;
    if (!o.control.empty()) {
        const auto points = read_control_points(o.control, zone);
        const Registration r = fit_plane_transform(points, o.transform);
        for (const std::string& line : registration_summary(points, r, zone)) out.log.push_back(line);
        transform_drawing(d, r.transform);
    } else if (o.from_crs.empty() && (zone = take_off_zone_prefix(d)) != 0) {
        out.log.push_back(printf_text("eastings carry the zone number %d: taken off", zone));  // already in Gauss-Kruger coordinates
    }
    if (!o.from_crs.empty()) {
        const Crs from = parse_crs(o.from_crs), to = parse_crs(o.crs);
        reproject_drawing(d, from, to, o.datum ? &*o.datum : nullptr, file);
        out.log.push_back(o.datum ? printf_text("datum: %s onto %s by 7 parameters (%s rotations)", from.describe().c_str(), to.describe().c_str(),
                                                o.datum->coordinate_frame ? "coordinate-frame" : "position-vector")
                                  : printf_text("reprojected: %s onto %s", from.describe().c_str(), to.describe().c_str()));
    }
    if (!o.crs.empty()) out.crs = parse_crs(o.crs);
    else if (gauss_kruger_epsg(zone)) out.crs = parse_crs("EPSG:" + std::to_string(gauss_kruger_epsg(zone)));
    else throw CadNeedsCrs("give the CRS the drawing is drawn in (or the target of its control points): the drawing does not say, and no zone number says it",
                     {.file = file});
    out.log.push_back("CRS: " + out.crs.describe());
    out.layers = cad_layers(d, o.layer_template);
    for (const std::string& n : out.layers.notes) out.log.push_back(n);
    return out;
}

}  // namespace geo
