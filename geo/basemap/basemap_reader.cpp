#include "geo/basemap/basemap_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

#include <cpl_conv.h>
#include <gdal_priv.h>

#include "geo/core/error.h"
#include "geo/io/gdal_errors.h"

namespace geo {

namespace {

constexpr int kStep = 16;        // pixels between the points taken exactly to the source's CRS
constexpr int kMaxBuffer = 4096; // the most source pixels read along a side

double median(std::vector<double> v)
{
    if (v.empty()) return 1;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

}  // namespace

struct BasemapReader::Open {
    GDALDatasetUniquePtr ds;
    Crs crs;
    double to_pixel[6]{};
    int colour_bands = 3;                       // 1 (gray or palette) or 3 (RGB)
    std::vector<std::array<uint8_t, 4>> palette;  // a paletted band's colours
    std::optional<Transformer> direct, to_wgs84, from_wgs84;
};

size_t BasemapImage::covered_pixels() const
{
    size_t n = 0;
    for (size_t i = 3; i < rgba.size(); i += 4) n += rgba[i] > 0;
    return n;
}

namespace {

std::unique_ptr<BasemapReader::Open> open_source(const std::string& gdal_name, const std::string& shown, const Crs& working, bool gcj02)
{
    ensure_gdal_registered();
    GdalErrorCapture capture;
    CPLConfigOptionSetter timeout("GDAL_HTTP_TIMEOUT", "10", true), connect("GDAL_HTTP_CONNECTTIMEOUT", "5", true);
    auto o = std::make_unique<BasemapReader::Open>();
    o->ds.reset(GDALDataset::Open(gdal_name.c_str(), GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR, nullptr, nullptr, nullptr));
    if (!o->ds) throw Error("cannot open the basemap: " + capture.last_error("not a raster or tile service GDAL reads"), {.file = shown});
    GDALDataset& ds = *o->ds;
    if (ds.GetRasterCount() == 0) {
        const char* sub = ds.GetMetadataItem("SUBDATASET_1_NAME", "SUBDATASETS");
        throw Error(std::string("the basemap holds several layers; name one with \"layer\"") + (sub ? std::string(" (the first: ") + sub + ")" : ""),
                    {.file = shown});
    }
    if (!ds.GetSpatialRef()) throw Error("the basemap has no CRS", {.file = shown});
    double gt[6];
    if (ds.GetGeoTransform(gt) != CE_None || !GDALInvGeoTransform(gt, o->to_pixel))
        throw Error("the basemap has no georeferencing", {.file = shown});
    for (int b = 1; b <= ds.GetRasterCount(); ++b)
        if (ds.GetRasterBand(b)->GetRasterDataType() != GDT_Byte)
            throw Error(std::string("band ") + std::to_string(b) + " holds " + GDALGetDataTypeName(ds.GetRasterBand(b)->GetRasterDataType()) +
                            " values, not an image's bytes; a basemap is an RGB, RGBA, gray or paletted image",
                        {.file = shown});
    GDALRasterBand* first = ds.GetRasterBand(1);
    o->colour_bands = ds.GetRasterCount() >= 3 ? 3 : 1;
    if (const GDALColorTable* ct = first->GetColorTable(); ct && o->colour_bands == 1)
        for (int i = 0; i < ct->GetColorEntryCount(); ++i) {
            const GDALColorEntry* e = ct->GetColorEntry(i);
            o->palette.push_back({static_cast<uint8_t>(e->c1), static_cast<uint8_t>(e->c2), static_cast<uint8_t>(e->c3), static_cast<uint8_t>(e->c4)});
        }
    o->crs = crs_from_source(*ds.GetSpatialRef());
    if (gcj02) {
        o->to_wgs84.emplace(working, wgs84());
        o->from_wgs84.emplace(wgs84(), o->crs);
    } else {
        o->direct.emplace(working, o->crs);
    }
    return o;
}

// The source pixel (column, row) of each node of the view's grid; NaN where it has none.
std::vector<Coord> node_pixels(const BasemapReader::Open& o, const Envelope& view, int width, int height, int nx, int ny, bool gcj02)
{
    std::vector<Coord> at(static_cast<size_t>(nx) * static_cast<size_t>(ny));
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const double px = std::min(i * kStep, width), py = std::min(j * kStep, height);
            at[static_cast<size_t>(j) * static_cast<size_t>(nx) + static_cast<size_t>(i)] = {
                view.min_x + px / width * (view.max_x - view.min_x), view.max_y - py / height * (view.max_y - view.min_y)};
        }
    if (gcj02) {
        o.to_wgs84->transform(at);
        for (Coord& c : at)
            if (std::isfinite(c.x) && std::isfinite(c.y)) c = wgs84_to_gcj02(c);
        o.from_wgs84->transform(at);
    } else {
        o.direct->transform(at);
    }
    const double* t = o.to_pixel;
    for (Coord& c : at) {
        if (!std::isfinite(c.x) || !std::isfinite(c.y)) {
            c = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
            continue;
        }
        c = {t[0] + t[1] * c.x + t[2] * c.y, t[3] + t[4] * c.x + t[5] * c.y};
    }
    return at;
}

// Reads the window [c0, c0 + cw) x [r0, r0 + rh) into bw x bh pixels: colour bands
// one after another, then the mask (the alpha band, or no-data, or all valid). False on failure.
bool read_window(GDALDataset& ds, int colour_bands, int c0, int r0, int cw, int rh, int bw, int bh, std::vector<uint8_t>& colour,
                 std::vector<uint8_t>& mask)
{
    GDALRasterIOExtraArg arg;
    INIT_RASTERIO_EXTRA_ARG(arg);
    arg.eResampleAlg = GRIORA_NearestNeighbour;
    colour.assign(static_cast<size_t>(bw) * static_cast<size_t>(bh) * static_cast<size_t>(colour_bands), 0);
    mask.assign(static_cast<size_t>(bw) * static_cast<size_t>(bh), 0);
    int bands[3] = {1, 2, 3};
    // Band after band (GDAL's web drivers fetch every tile of the window first only in this
    // layout; pixel-interleaved reads go tile by tile and fail on a missing one).
    if (ds.RasterIO(GF_Read, c0, r0, cw, rh, colour.data(), bw, bh, GDT_Byte, colour_bands, bands, 0, 0, 0, &arg) != CE_None)
        return false;
    arg.eResampleAlg = GRIORA_NearestNeighbour;
    return ds.GetRasterBand(1)->GetMaskBand()->RasterIO(GF_Read, c0, r0, cw, rh, mask.data(), bw, bh, GDT_Byte, 1, bw, &arg) == CE_None;
}

// GDAL's web-tile errors in a planner's words: "the server cannot be reached (Couldn't connect
// to server)", "the server answered HTTP 403"; anything else as GDAL said it.
std::string plain_http_error(const std::string& gdal)
{
    const size_t code_at = gdal.find("HTTP status code: ");
    if (code_at == std::string::npos) return gdal;
    const int code = std::atoi(gdal.c_str() + code_at + 18);
    if (code != 0) return "the server answered HTTP " + std::to_string(code);
    std::string why;
    if (size_t e = gdal.find("error: ", code_at); e != std::string::npos) {
        why = gdal.substr(e + 7);
        if (size_t end = why.find(". Add the HTTP"); end != std::string::npos) why.resize(end);
    }
    return "the server cannot be reached" + (why.empty() ? std::string() : " (" + why + ")");
}

}  // namespace

BasemapReader::BasemapReader(const BasemapSource& source, const std::filesystem::path& folder, const Crs& working)
    : m_source(source), m_folder(folder), m_working(working), m_name(geo::describe(source))
{
    if (!source.key_env.empty() && basemap_key(source).empty())
        throw Error("the key's environment variable " + source.key_env + " is not set", {.file = m_name, .key = "basemap.key_env"});
    m_open = open_source(gdal_basemap_name(source, folder), m_name, working, source.coordinates == WebMapCoords::Gcj02);
}

BasemapReader::~BasemapReader() = default;

std::string BasemapReader::describe() const
{
    GDALDataset& ds = *m_open->ds;
    if (m_source.kind == BasemapSource::Kind::Xyz) return m_name + ", " + m_open->crs.code() + ", zoom levels 0-" + std::to_string(m_source.max_zoom);
    return m_name + ", " + m_open->crs.code() + ", " + std::to_string(ds.GetRasterXSize()) + " x " + std::to_string(ds.GetRasterYSize()) + " pixels" +
           (ds.GetRasterBand(1)->GetOverviewCount() > 0 ? ", " + std::to_string(ds.GetRasterBand(1)->GetOverviewCount()) + " overviews" : "");
}


std::string BasemapReader::last_problem() const
{
    std::lock_guard lock(m_mutex);
    return m_last_problem;
}

BasemapImage BasemapReader::render(const Envelope& view, int width, int height) const
{
    std::lock_guard lock(m_mutex);
    BasemapImage img = draw(view, width, height);
    m_last_problem = img.problem;
    return img;
}

BasemapImage BasemapReader::draw(const Envelope& view, int width, int height) const
{
    BasemapImage img;
    img.extent = view;
    img.width = std::max(width, 1);
    img.height = std::max(height, 1);
    img.rgba.assign(static_cast<size_t>(img.width) * static_cast<size_t>(img.height) * 4, 0);
    if (view.empty() || view.width() <= 0 || view.height() <= 0) return img;
    const bool gcj02 = m_source.coordinates == WebMapCoords::Gcj02;
    const int nx = (img.width + kStep - 1) / kStep + 1, ny = (img.height + kStep - 1) / kStep + 1;
    const std::vector<Coord> nodes = node_pixels(*m_open, view, img.width, img.height, nx, ny, gcj02);

    // The source window the view covers, and how many source pixels an output pixel spans.
    double c_min = INFINITY, c_max = -INFINITY, r_min = INFINITY, r_max = -INFINITY;
    std::vector<double> spans;
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const Coord c = nodes[static_cast<size_t>(j) * static_cast<size_t>(nx) + static_cast<size_t>(i)];
            if (std::isnan(c.x)) continue;
            c_min = std::min(c_min, c.x), c_max = std::max(c_max, c.x), r_min = std::min(r_min, c.y), r_max = std::max(r_max, c.y);
            if (i + 1 < nx && i * kStep + kStep <= img.width) {
                const Coord d = nodes[static_cast<size_t>(j) * static_cast<size_t>(nx) + static_cast<size_t>(i + 1)];
                if (!std::isnan(d.x)) spans.push_back(std::hypot(d.x - c.x, d.y - c.y) / kStep);
            }
        }
    GDALDataset& ds = *m_open->ds;
    const int c0 = std::max(0, static_cast<int>(std::floor(c_min)) - 1), r0 = std::max(0, static_cast<int>(std::floor(r_min)) - 1);
    const int c1 = std::min(ds.GetRasterXSize(), static_cast<int>(std::ceil(c_max)) + 1);
    const int r1 = std::min(ds.GetRasterYSize(), static_cast<int>(std::ceil(r_max)) + 1);
    if (!(c1 > c0 && r1 > r0)) return img;  // the view is off the basemap
    const int cw = c1 - c0, rh = r1 - r0;
    const double span = std::max(1.0, median(spans));  // never read more finely than the source
    double shrink = span;
    shrink = std::max({shrink, cw / static_cast<double>(kMaxBuffer), rh / static_cast<double>(kMaxBuffer)});
    const int bw = std::max(1, static_cast<int>(std::ceil(cw / shrink))), bh = std::max(1, static_cast<int>(std::ceil(rh / shrink)));

    std::vector<uint8_t> colour, mask;
    bool from_cache = false;
    {
        GdalErrorCapture capture;
        CPLConfigOptionSetter timeout("GDAL_HTTP_TIMEOUT", "10", true), connect("GDAL_HTTP_CONNECTTIMEOUT", "5", true);
        if (!read_window(ds, m_open->colour_bands, c0, r0, cw, rh, bw, bh, colour, mask)) {
            img.problem = "cannot read the basemap " + m_name + ": " + plain_http_error(capture.last_error("no reason given"));
            if (m_source.kind == BasemapSource::Kind::File) return img;
            // A web source that stopped answering: what the disk cache holds.
            try {
                if (!m_offline)
                    m_offline = open_source(gdal_basemap_name(m_source, m_folder, true), m_name, m_working, gcj02);
                capture.clear();
                if (!read_window(*m_offline->ds, m_offline->colour_bands, c0, r0, cw, rh, bw, bh, colour, mask)) return img;
                from_cache = true;
            } catch (const Error&) {
                return img;
            }
        }
    }
    const Open& o = *m_open;
    const double sx = bw / static_cast<double>(cw), sy = bh / static_cast<double>(rh);
    const size_t plane = static_cast<size_t>(bw) * static_cast<size_t>(bh);
    for (int y = 0; y < img.height; ++y) {
        const double fy = (y + 0.5) / kStep;
        const int j = std::min(static_cast<int>(fy), ny - 2);
        for (int x = 0; x < img.width; ++x) {
            const double fx = (x + 0.5) / kStep;
            const int i = std::min(static_cast<int>(fx), nx - 2);
            const Coord& a = nodes[static_cast<size_t>(j) * static_cast<size_t>(nx) + static_cast<size_t>(i)];
            const Coord& b = nodes[static_cast<size_t>(j) * static_cast<size_t>(nx) + static_cast<size_t>(i + 1)];
            const Coord& c = nodes[static_cast<size_t>(j + 1) * static_cast<size_t>(nx) + static_cast<size_t>(i)];
            const Coord& d = nodes[static_cast<size_t>(j + 1) * static_cast<size_t>(nx) + static_cast<size_t>(i + 1)];
            if (std::isnan(a.x) || std::isnan(b.x) || std::isnan(c.x) || std::isnan(d.x)) continue;
            // Nodes sit at whole multiples of kStep, except the last column/row at the edge.
            const double wx = std::min(kStep, img.width - i * kStep), wy = std::min(kStep, img.height - j * kStep);
            const double u = std::clamp((x + 0.5 - i * kStep) / wx, 0.0, 1.0), v = std::clamp((y + 0.5 - j * kStep) / wy, 0.0, 1.0);
            const double col = (a.x * (1 - u) + b.x * u) * (1 - v) + (c.x * (1 - u) + d.x * u) * v;
            const double row = (a.y * (1 - u) + b.y * u) * (1 - v) + (c.y * (1 - u) + d.y * u) * v;
            const int bx = static_cast<int>(std::floor((col - c0) * sx)), by = static_cast<int>(std::floor((row - r0) * sy));
            if (bx < 0 || by < 0 || bx >= bw || by >= bh) continue;
            const size_t at = static_cast<size_t>(by) * static_cast<size_t>(bw) + static_cast<size_t>(bx);
            uint8_t* out = &img.rgba[(static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x)) * 4];
            uint8_t alpha = mask[at];
            if (o.colour_bands == 3) {
                out[0] = colour[at], out[1] = colour[plane + at], out[2] = colour[2 * plane + at];
            } else if (!o.palette.empty()) {
                const auto& p = o.palette[std::min<size_t>(colour[at], o.palette.size() - 1)];
                out[0] = p[0], out[1] = p[1], out[2] = p[2];
                alpha = static_cast<uint8_t>(alpha * p[3] / 255);
            } else {
                out[0] = out[1] = out[2] = colour[at];
            }
            out[3] = alpha;
        }
    }
    if (from_cache) img.problem += img.covered_pixels() > 0 ? "; tiles from the disk cache shown" : "; the disk cache holds none of this view";
    return img;
}

}  // namespace geo
