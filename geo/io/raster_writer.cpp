#include "geo/io/raster_writer.h"

#include <algorithm>
#include <cmath>

#include <gdal_priv.h>

#include "geo/core/error.h"
#include "geo/io/atomic_file.h"
#include "geo/io/disk_space.h"
#include "geo/io/gdal_errors.h"

namespace geo {

void write_geotiff(const Raster& r, const Crs& crs, const std::filesystem::path& path, float nodata,
                   const std::map<std::string, std::string>& metadata, bool overwrite, bool cog)
{
    ensure_gdal_registered();
    const ErrorContext where{.file = path.string()};
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !overwrite) throw Error("already exists; not overwriting it", where);
    if (r.grid.cells() == 0 || r.values.size() != r.grid.cells()) throw Error("nothing to write (an empty raster)", where);
    // A COG is made by copying a finished dataset (the COG driver has no Create): in memory first.
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(cog ? "MEM" : "GTiff");
    const std::filesystem::path tmp = temporary_sibling(path);
    GdalErrorCapture capture;
    try {
        // Deflate (readable by every GIS) at a fast level, compressed on every core: a 20-million
        // cell density surface otherwise takes longer to write than to compute.
        const char* options[] = {"COMPRESS=DEFLATE", "ZLEVEL=1", "PREDICTOR=3", "TILED=YES", "NUM_THREADS=ALL_CPUS",
                                 "BIGTIFF=IF_SAFER", nullptr};
        GDALDatasetUniquePtr ds(driver->Create(cog ? "" : tmp.string().c_str(), static_cast<int>(r.grid.cols),
                                               static_cast<int>(r.grid.rows), 1, GDT_Float32,
                                               cog ? nullptr : const_cast<char**>(options)));
        if (!ds) throw Error("cannot create: " + capture.last_error("unknown reason"), where);
        double transform[6] = {r.grid.x0, r.grid.cell, 0, r.grid.y_top, 0, -r.grid.cell};
        ds->SetGeoTransform(transform);
        ds->SetSpatialRef(crs.srs.get());
        for (const auto& [key, value] : metadata) ds->SetMetadataItem(key.c_str(), value.c_str());
        GDALRasterBand* band = ds->GetRasterBand(1);
        band->SetNoDataValue(nodata);
        if (auto it = metadata.find("UNITS"); it != metadata.end()) band->SetUnitType(it->second.c_str());
        if (band->RasterIO(GF_Write, 0, 0, static_cast<int>(r.grid.cols), static_cast<int>(r.grid.rows),
                           const_cast<float*>(r.values.data()), static_cast<int>(r.grid.cols),
                           static_cast<int>(r.grid.rows), GDT_Float32, 0, 0, nullptr) != CE_None)
            throw Error("cannot write the cells: " + capture.last_error(), where);
        // Statistics from the values in hand (GDAL would read the file back to compute them).
        double lo = INFINITY, hi = -INFINITY, sum = 0, sum2 = 0;
        size_t n = 0;
        for (float v : r.values) {
            if (v == nodata) continue;
            lo = std::min<double>(lo, v);
            hi = std::max<double>(hi, v);
            sum += v;
            sum2 += static_cast<double>(v) * v;
            ++n;
        }
        if (n > 0) {
            const double mean = sum / static_cast<double>(n);
            band->SetStatistics(lo, hi, mean, std::sqrt(std::max(0.0, sum2 / static_cast<double>(n) - mean * mean)));
        }
        if (cog) {
            const char* cog_options[] = {"COMPRESS=DEFLATE", "LEVEL=1", "PREDICTOR=YES", "OVERVIEWS=AUTO", "NUM_THREADS=ALL_CPUS",
                                         "BIGTIFF=IF_SAFER", nullptr};
            GDALDriver* cog_driver = GetGDALDriverManager()->GetDriverByName("COG");
            if (!cog_driver) throw Error("this GDAL has no COG driver", where);
            GDALDatasetUniquePtr out(cog_driver->CreateCopy(tmp.string().c_str(), ds.get(), FALSE, const_cast<char**>(cog_options), nullptr, nullptr));
            if (!out) throw Error("cannot write the Cloud-Optimized GeoTIFF: " + capture.last_error("unknown reason"), where);
        }
        ds.reset();
        if (capture.has_error()) throw Error("cannot finish writing: " + capture.last_error(), where);
    } catch (const Error& e) {
        std::filesystem::remove(tmp, ec);
        std::filesystem::remove(tmp.string() + ".aux.xml", ec);
        throw Error(explain_write_failure(path, e.message()), e.context());
    } catch (...) {
        std::filesystem::remove(tmp, ec);
        std::filesystem::remove(tmp.string() + ".aux.xml", ec);
        throw;
    }
    std::filesystem::remove(tmp.string() + ".aux.xml", ec);  // statistics live in the TIFF itself
    rename_into_place(tmp, path);
}

}  // namespace geo
