#include "geo/io/image_writer.h"

#include <gdal_priv.h>

#include "geo/core/error.h"
#include "geo/io/atomic_file.h"
#include "geo/io/disk_space.h"
#include "geo/io/gdal_errors.h"

namespace geo {

void write_rgba_geotiff(const std::vector<uint8_t>& rgba, int width, int height, const Envelope& extent, const Crs& crs,
                        const std::filesystem::path& path, bool overwrite)
{
    ensure_gdal_registered();
    const ErrorContext where{.file = path.string()};
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !overwrite) throw Error("already exists; not overwriting it", where);
    if (width <= 0 || height <= 0 || rgba.size() != static_cast<size_t>(width) * static_cast<size_t>(height) * 4)
        throw Error("nothing to write (an empty image)", where);
    const std::filesystem::path tmp = temporary_sibling(path);
    GdalErrorCapture capture;
    try {
        const char* options[] = {"COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "PHOTOMETRIC=RGB", "ALPHA=UNASSOCIATED", nullptr};
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        GDALDatasetUniquePtr ds(driver->Create(tmp.string().c_str(), width, height, 4, GDT_Byte, const_cast<char**>(options)));
        if (!ds) throw Error("cannot create: " + capture.last_error("unknown reason"), where);
        double transform[6] = {extent.min_x, extent.width() / width, 0, extent.max_y, 0, -extent.height() / height};
        ds->SetGeoTransform(transform);
        ds->SetSpatialRef(crs.srs.get());
        int bands[4] = {1, 2, 3, 4};
        if (ds->RasterIO(GF_Write, 0, 0, width, height, const_cast<uint8_t*>(rgba.data()), width, height, GDT_Byte, 4, bands, 4,
                         static_cast<GSpacing>(width) * 4, 1, nullptr) != CE_None)
            throw Error("cannot write the pixels: " + capture.last_error(), where);
        ds.reset();
        if (capture.has_error()) throw Error("cannot finish writing: " + capture.last_error(), where);
    } catch (const Error& e) {
        std::filesystem::remove(tmp, ec);
        throw Error(explain_write_failure(path, e.message()), e.context());
    } catch (...) {
        std::filesystem::remove(tmp, ec);
        throw;
    }
    rename_into_place(tmp, path);
}

}  // namespace geo
