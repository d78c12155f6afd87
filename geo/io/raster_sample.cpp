#include "geo/io/raster_sample.h"

#include <cmath>
#include <limits>

#include <gdal_priv.h>

#include "geo/core/error.h"
#include "geo/io/gdal_errors.h"

namespace geo {

std::vector<double> sample_raster(const std::filesystem::path& file, const std::vector<Coord>& xy, const Crs& crs)
{
    ensure_gdal_registered();
    GdalErrorCapture capture;
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.string().c_str(), GDAL_OF_RASTER, nullptr, nullptr, nullptr));
    if (!ds) throw Error("cannot read the raster: " + capture.last_error("not a raster GDAL reads"), {.file = file.string()});
    if (!ds->GetSpatialRef()) throw Error("the raster has no CRS", {.file = file.string()});
    double gt[6];
    if (ds->GetGeoTransform(gt) != CE_None || gt[2] != 0 || gt[4] != 0) throw Error("the raster is not north-up (or has no georeferencing)", {.file = file.string()});
    std::vector<Coord> at = xy;
    Transformer(crs, crs_from_source(*ds->GetSpatialRef())).transform(at);
    GDALRasterBand* band = ds->GetRasterBand(1);
    int has = 0;
    const double nodata = band->GetNoDataValue(&has);
    std::vector<double> out(at.size(), std::numeric_limits<double>::quiet_NaN());
    for (size_t i = 0; i < at.size(); ++i) {
        if (!std::isfinite(at[i].x) || !std::isfinite(at[i].y)) continue;
        const double col = std::floor((at[i].x - gt[0]) / gt[1]), row = std::floor((at[i].y - gt[3]) / gt[5]);
        if (col < 0 || row < 0 || col >= ds->GetRasterXSize() || row >= ds->GetRasterYSize()) continue;
        double v = 0;
        if (band->RasterIO(GF_Read, static_cast<int>(col), static_cast<int>(row), 1, 1, &v, 1, 1, GDT_Float64, 0, 0) != CE_None)
            throw Error("cannot read the raster: " + capture.last_error(), {.file = file.string()});
        if (has && v == nodata) continue;
        out[i] = v;
    }
    return out;
}

}  // namespace geo
