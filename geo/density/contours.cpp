#include "geo/density/contours.h"

#include <cmath>
#include <cstdio>
#include <string>

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/io/gdal_errors.h"
#include "geo/io/ogr_layer_copy.h"

namespace geo {

namespace {

// A level as text at full precision (std::to_string keeps only 6 decimals, so a band's
// minimum could come back just below the level asked for).
std::string level_text(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

struct Contouring {
    GDALDatasetUniquePtr raster;
    GDALDatasetUniquePtr vector;
    OGRLayer* layer = nullptr;
};

// An in-memory copy of the raster, and an in-memory layer for the generator to fill.
Contouring prepare(const Raster& r, OGRwkbGeometryType type, const std::vector<std::string>& fields)
{
    ensure_gdal_registered();
    Contouring c;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    c.raster.reset(mem->Create("", static_cast<int>(r.grid.cols), static_cast<int>(r.grid.rows), 1, GDT_Float32, nullptr));
    double gt[6] = {r.grid.x0, r.grid.cell, 0, r.grid.y_top, 0, -r.grid.cell};
    c.raster->SetGeoTransform(gt);
    if (c.raster->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, static_cast<int>(r.grid.cols), static_cast<int>(r.grid.rows),
                                             const_cast<float*>(r.values.data()), static_cast<int>(r.grid.cols),
                                             static_cast<int>(r.grid.rows), GDT_Float32, 0, 0, nullptr) != CE_None)
        throw Error("cannot prepare the raster for contouring");
    c.vector.reset(GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    c.layer = c.vector->CreateLayer("contours", nullptr, type, nullptr);
    for (const std::string& f : fields) {
        OGRFieldDefn fd(f.c_str(), OFTReal);
        c.layer->CreateField(&fd);
    }
    return c;
}

void run(Contouring& c, const std::vector<std::string>& options)
{
    std::vector<const char*> opts;
    for (const auto& o : options) opts.push_back(o.c_str());
    opts.push_back(nullptr);
    GdalErrorCapture capture;
    if (GDALContourGenerateEx(c.raster->GetRasterBand(1), c.layer, const_cast<char**>(opts.data()), nullptr, nullptr) != CE_None)
        throw Error("contouring failed: " + capture.last_error("unknown reason"));
}

}  // namespace

Layer density_contours(const Raster& r, const std::vector<double>& levels)
{
    if (levels.empty()) throw Error("no contour levels given");
    std::string list;
    for (double l : levels) {
        if (!std::isfinite(l)) throw Error("contour levels must be numbers");
        list += (list.empty() ? "" : ",") + level_text(l);
    }
    Contouring c = prepare(r, wkbLineString, {"level"});
    run(c, {"FIXED_LEVELS=" + list, "ELEV_FIELD=0"});
    return layer_from_ogr(*c.layer, "contours");
}

Layer density_footprints(const Raster& r, double threshold)
{
    if (!std::isfinite(threshold)) throw Error("the footprint threshold must be a number");
    float peak = -INFINITY;
    for (float v : r.values) peak = std::max(peak, v);
    Contouring c = prepare(r, wkbMultiPolygon, {"threshold", "upper"});
    // Two levels: below the threshold, and from it to above the peak; keep the upper band.
    run(c, {"FIXED_LEVELS=" + level_text(threshold) + "," + level_text(std::max<double>(peak, threshold) * 2 + 1),
            "POLYGONIZE=YES", "ELEV_FIELD_MIN=0", "ELEV_FIELD_MAX=1"});
    Layer all = layer_from_ogr(*c.layer, "footprints");
    Layer out;
    out.name = "footprints";
    out.source = all.source;
    out.geometry = GeometryColumn(GeomKind::Polygon);
    out.columns = {Column("threshold", FieldType::Real), Column("area_km2", FieldType::Real)};
    const Column* lower = all.column("threshold");
    for (size_t i = 0; i < all.size(); ++i) {
        if (!lower || lower->is_null(i) || lower->real(i) < threshold - 1e-9 * std::abs(threshold)) continue;
        out.geometry.append_feature(all.geometry, i, true);
        out.fids.push_back(static_cast<int64_t>(out.fids.size()));
        out.columns[0].push_real(threshold);
        out.columns[1].push_real(polygon_area(out.geometry, out.size() - 1) / 1e6);
    }
    return out;
}

}  // namespace geo
