#pragma once
// Draws the basemap into an image of the working CRS: each pixel of the view is taken back
// to the source's CRS (through WGS84 and the GCJ-02 shift for Amap or Tencent tiles), and
// the source is read once over the window those pixels cover, at the resolution they need
// (GDAL picks the tile zoom level or the overview). Web tiles come through GDAL's disk cache;
// when the server cannot be reached, what the cache holds is drawn and the image says so.
//
// One reader per source; render() may be called from any one thread at a time (it locks).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "geo/basemap/basemap_source.h"
#include "geo/core/envelope.h"
#include "geo/io/crs.h"

class GDALDataset;

namespace geo {

struct BasemapImage {
    Envelope extent;                // working CRS, the image's outer edges
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;      // row 0 at the north edge, 4 bytes a pixel, not premultiplied
    std::string problem;            // "" or what went wrong ("the server cannot be reached; cached tiles shown")
    size_t covered_pixels() const;  // pixels with alpha > 0
};

class BasemapReader {
public:
    // Opens the source. Throws geo::Error naming it (never the key) when GDAL cannot open it,
    // it has no CRS or georeferencing, or its bands are not an image (1, 2, 3 or 4 bands of bytes).
    BasemapReader(const BasemapSource& source, const std::filesystem::path& project_folder, const Crs& working);
    ~BasemapReader();
    BasemapReader(const BasemapReader&) = delete;
    BasemapReader& operator=(const BasemapReader&) = delete;

    // `view` in the working CRS drawn into width x height pixels. Never throws for a source
    // that stopped answering: the image is empty or partial and `problem` says why.
    BasemapImage render(const Envelope& view, int width, int height) const;

    const BasemapSource& source() const { return m_source; }
    // The problem of the last render ("" when none): for callers that do not see the image.
    std::string last_problem() const;
    std::string describe() const;  // the source, its CRS and size

    struct Open;  // an opened source (the .cpp's)

private:
    BasemapImage draw(const Envelope& view, int width, int height) const;  // under m_mutex
    BasemapSource m_source;
    std::filesystem::path m_folder;
    Crs m_working;
    std::string m_name;  // for messages (describe(source))
    std::unique_ptr<Open> m_open;
    mutable std::unique_ptr<Open> m_offline;  // the cache alone, opened when the server first fails
    mutable std::mutex m_mutex;               // GDAL datasets are one thread's at a time
    mutable std::string m_last_problem;
};

}  // namespace geo
