// The basemap: settings read and checked, the GDAL descriptions of XYZ and WMTS sources (the
// key on every request, the cache), and images drawn into a Gauss-Krüger view checked against
// hand positions: a Web Mercator raster split at a known meridian, the same raster read as
// GCJ-02 (shifted by the published transform), local XYZ tiles (and TMS rows, {-y}) with one
// tile missing, and a server that does not answer.
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include <gdal_priv.h>

#include "geo/basemap/basemap_reader.h"
#include "geo/core/error.h"
#include "geo/io/gdal_errors.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

constexpr double kR = 6378137.0;
geo::Coord to_mercator(geo::Coord ll)
{
    return {kR * ll.x * std::numbers::pi / 180, kR * std::log(std::tan(std::numbers::pi / 4 + ll.y * std::numbers::pi / 360))};
}
double mercator_to_lon(double x) { return x / kR * 180 / std::numbers::pi; }

// A Web Mercator GeoTIFF of 100 m pixels: red west of x = split, blue east of it.
void write_split_tif(const fs::path& path, double split)
{
    geo::ensure_gdal_registered();
    const int n = 1000;
    const double x0 = 11'800'000, y0 = 3'500'000;
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.string().c_str(), n, n, 3, GDT_Byte, nullptr));
    double gt[6] = {x0, 100, 0, y0, 0, -100};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(3857);
    ds->SetSpatialRef(&srs);
    std::vector<uint8_t> r(n * n), b(n * n), g(n * n, 0);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const bool west = x0 + (x + 0.5) * 100 < split;
            r[static_cast<size_t>(y * n + x)] = west ? 200 : 0;
            b[static_cast<size_t>(y * n + x)] = west ? 0 : 200;
        }
    CHECK(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, n, n, r.data(), n, n, GDT_Byte, 0, 0) == CE_None);
    CHECK(ds->GetRasterBand(2)->RasterIO(GF_Write, 0, 0, n, n, g.data(), n, n, GDT_Byte, 0, 0) == CE_None);
    CHECK(ds->GetRasterBand(3)->RasterIO(GF_Write, 0, 0, n, n, b.data(), n, n, GDT_Byte, 0, 0) == CE_None);
}

const uint8_t* pixel(const geo::BasemapImage& img, int x, int y) { return &img.rgba[(static_cast<size_t>(y) * static_cast<size_t>(img.width) + static_cast<size_t>(x)) * 4]; }

// The view's column where the working-CRS x lies, on the middle row.
double column_of(const geo::BasemapImage& img, double x) { return (x - img.extent.min_x) / img.extent.width() * img.width; }

// A solid 256 x 256 PNG tile of colour (tx % 256, ty % 256, 77).
void write_tile(const fs::path& path, int tx, int ty)
{
    fs::create_directories(path.parent_path());
    GDALDatasetUniquePtr mem(GetGDALDriverManager()->GetDriverByName("MEM")->Create("", 256, 256, 3, GDT_Byte, nullptr));
    const uint8_t c[3] = {static_cast<uint8_t>(tx % 256), static_cast<uint8_t>(ty % 256), 77};
    for (int b = 0; b < 3; ++b) CHECK(mem->GetRasterBand(b + 1)->Fill(c[b]) == CE_None);
    GDALDatasetUniquePtr png(GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(path.string().c_str(), mem.get(), FALSE, nullptr, nullptr, nullptr));
    REQUIRE(png);
}

}  // namespace

TEST_CASE("basemap settings: kinds, the key on every request, the cache, wrong values named")
{
    using K = geo::BasemapSource::Kind;
    CHECK(geo::basemap_kind("ortho.tif") == K::File);
    CHECK(geo::basemap_kind("tiles/{z}/{x}/{y}.png") == K::Xyz);
    CHECK(geo::basemap_kind("WMTS:https://t0.tianditu.gov.cn/img_w/wmts?request=GetCapabilities&service=wmts") == K::Wmts);

    // Tianditu's XYZ tiles: tk appended, the key never shown.
    auto s = geo::parse_basemap({{"source", "https://t0.tianditu.gov.cn/DataServer?T=img_w&x={x}&y={y}&l={z}"}, {"key", "abc123"}, {"cache", "tilecache"}});
    CHECK(s.kind == K::Xyz);
    std::string xml = geo::gdal_basemap_name(s, "/data/park");
    CHECK(xml.find("DataServer?T=img_w&amp;x=${x}&amp;y=${y}&amp;l=${z}&amp;tk=abc123</ServerUrl>") != std::string::npos);
    CHECK(xml.find("<Cache><Path>/data/park/tilecache</Path></Cache>") != std::string::npos);
    CHECK(xml.find("<YOrigin>top</YOrigin>") != std::string::npos);
    CHECK(xml.find("OfflineMode") == std::string::npos);
    CHECK(geo::gdal_basemap_name(s, "/data/park", true).find("<OfflineMode>true</OfflineMode>") != std::string::npos);
    CHECK(geo::describe(s).find("abc123") == std::string::npos);
    CHECK(geo::describe(s).find("key in the project") != std::string::npos);
    // The key placed by {key}, read from the environment; TMS rows ({-y}).
    setenv("PARKCAP_TEST_TK", "k-from-env", 1);
    s = geo::parse_basemap({{"source", "https://tiles.example/{z}/{x}/{-y}.png?token={key}"}, {"key_env", "PARKCAP_TEST_TK"}});
    xml = geo::gdal_basemap_name(s, "/p");
    CHECK(xml.find("${z}/${x}/${y}.png?token=k-from-env</ServerUrl>") != std::string::npos);
    CHECK(xml.find("tk=") == std::string::npos);
    CHECK(xml.find("<YOrigin>bottom</YOrigin>") != std::string::npos);
    // WMTS: the key as ExtraQueryParameters (GDAL adds them to the capabilities request too).
    s = geo::parse_basemap({{"source", "WMTS:https://t0.tianditu.gov.cn/img_w/wmts?request=GetCapabilities&service=wmts"}, {"layer", "img"}, {"key", "abc"}});
    xml = geo::gdal_basemap_name(s, "/p");
    CHECK(xml.find("<GetCapabilitiesUrl>https://t0.tianditu.gov.cn/img_w/wmts?request=GetCapabilities&amp;service=wmts</GetCapabilitiesUrl>") != std::string::npos);
    CHECK(xml.find("<Layer>img</Layer><ExtraQueryParameters>tk=abc</ExtraQueryParameters>") != std::string::npos);
    // A local folder: a file:// URL, no cache.
    s = geo::parse_basemap({{"source", "tiles/{z}/{x}/{y}.png"}});
    xml = geo::gdal_basemap_name(s, "/data/park");
    CHECK(xml.find("file:///data/park/tiles/${z}/${x}/${y}.png") != std::string::npos);
    CHECK(xml.find("<Cache>") == std::string::npos);
    // Round trip.
    s = geo::parse_basemap({{"source", "a/{z}/{x}/{y}.jpg"}, {"coordinates", "gcj02"}, {"opacity", 0.5}, {"max_zoom", 16}, {"visible", false}});
    CHECK(geo::to_json(s) == geo::Json({{"source", "a/{z}/{x}/{y}.jpg"}, {"coordinates", "gcj02"}, {"max_zoom", 16}, {"opacity", 0.5}, {"visible", false}}));

    auto fails = [](const geo::Json& j, const std::string& key, const std::string& words) {
        try {
            geo::parse_basemap(j);
            FAIL("accepted " << j.dump());
        } catch (const geo::Error& e) {
            CHECK(e.context().key == key);
            CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, e.what());
        }
    };
    fails({{"layer", "x"}}, "basemap.source", "missing");
    fails({{"source", "https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}"}}, "basemap.source", "{s}");
    fails({{"source", "t/{z}/{x}/{row}.png"}}, "basemap.source", "unknown placeholder {row}");
    fails({{"source", "t/{z}/{x}.png"}}, "basemap.source", "needs {x}, {y}");
    fails({{"source", "t/{z}/{x}/{y}.png?k={key}"}}, "basemap.source", "neither \"key\" nor \"key_env\"");
    fails({{"source", "a.tif"}, {"coordinates", "bd09"}}, "basemap.coordinates", "Baidu");
    fails({{"source", "a.tif"}, {"coordinates", "mars"}}, "basemap.coordinates", "mars");
    fails({{"source", "a.tif"}, {"opacity", 2}}, "basemap.opacity", "from 0 to 1");
    fails({{"source", "a/{z}/{x}/{y}"}, {"max_zoom", 30}}, "basemap.max_zoom", "0 to 23");
}

TEST_CASE("basemap drawn into a Gauss-Krüger view: a Web Mercator raster's meridian where PROJ puts it, and GCJ-02 tiles shifted by the published offset")
{
    test::ScratchDir dir("basemap-split");
    const double split = 11'850'000;
    write_split_tif(dir.path / "split.tif", split);
    const geo::Crs gk = geo::parse_crs("EPSG:4545");
    const geo::Coord boundary_ll{mercator_to_lon(split), 29.6};
    auto working = [&](geo::Coord ll) {
        std::vector<geo::Coord> c{ll};
        geo::Transformer(geo::wgs84(), gk).transform(c);
        return c[0];
    };
    const geo::Coord b = working(boundary_ll);
    const geo::Envelope view{b.x - 2000, b.y - 2000, b.x + 2000, b.y + 2000};  // 400 x 400 pixels of 10 m

    const geo::BasemapReader plain(geo::parse_basemap({{"source", "split.tif"}}), dir.path, gk);
    CHECK(plain.describe().find("EPSG:3857, 1000 x 1000 pixels") != std::string::npos);
    const geo::BasemapImage img = plain.render(view, 400, 400);
    CHECK(img.problem.empty());
    CHECK(img.covered_pixels() == 400u * 400u);
    CHECK(column_of(img, b.x) == doctest::Approx(200));
    // The meridian is tilted by the grid convergence: a few pixels over the view, so test 8 px off it.
    for (int y : {20, 200, 380}) {
        CHECK(pixel(img, 192, y)[0] == 200);
        CHECK(pixel(img, 192, y)[2] == 0);
        CHECK(pixel(img, 208, y)[0] == 0);
        CHECK(pixel(img, 208, y)[2] == 200);
    }
    // The middle row changes colour within a pixel of the hand position.
    int change = -1;
    for (int x = 1; x < 400; ++x)
        if (pixel(img, x, 200)[0] != pixel(img, x - 1, 200)[0]) change = x;
    CHECK(std::abs(change - 200) <= 1);

    // Read as GCJ-02: the line drawn at GCJ longitude L is truly at gcj02_to_wgs84(L).
    const geo::BasemapReader gcj(geo::parse_basemap({{"source", "split.tif"}, {"coordinates", "gcj02"}}), dir.path, gk);
    const geo::BasemapImage shifted = gcj.render(view, 400, 400);
    const double expected = column_of(shifted, working(geo::gcj02_to_wgs84(boundary_ll)).x);
    CHECK(std::abs(expected - 200) > 20);  // the offset is hundreds of metres in Chongqing
    int moved = -1;
    for (int x = 1; x < 400; ++x)
        if (pixel(shifted, x, 200)[0] != pixel(shifted, x - 1, 200)[0]) moved = x;
    CHECK(std::abs(moved - expected) <= 1.5);

    // Off the raster: an empty image, no problem; a view half off it: half covered.
    CHECK(plain.render({0, 0, 1000, 1000}, 50, 50).covered_pixels() == 0);
    // Bad sources, named.
    CHECK_THROWS_WITH_AS(geo::BasemapReader(geo::parse_basemap({{"source", "none.tif"}}), dir.path, gk), doctest::Contains("none.tif"), geo::Error);
    CHECK_THROWS_WITH_AS(geo::BasemapReader(geo::parse_basemap({{"source", "x/{z}/{x}/{y}.png"}, {"key_env", "PARKCAP_UNSET_VAR"}}), dir.path, gk),
                         doctest::Contains("PARKCAP_UNSET_VAR is not set"), geo::Error);
}

TEST_CASE("basemap from local XYZ tiles: each pixel from the tile the standard tile formula names, TMS rows with {-y}, a missing tile left clear")
{
    test::ScratchDir dir("basemap-xyz");
    geo::ensure_gdal_registered();
    const int z = 12, n = 1 << z;
    const geo::Coord ll{106.55, 29.57};
    const geo::Coord m = to_mercator(ll);
    const double tile_m = 2 * std::numbers::pi * kR / n;
    const int tx = static_cast<int>(std::floor((m.x + std::numbers::pi * kR) / tile_m));
    const int ty = static_cast<int>(std::floor((std::numbers::pi * kR - m.y) / tile_m));
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            if (dx == 1 && dy == 0) continue;  // the tile east of the centre is missing
            write_tile(dir.path / "xyz" / std::to_string(z) / std::to_string(tx + dx) / (std::to_string(ty + dy) + ".png"), tx + dx, ty + dy);
            write_tile(dir.path / "tms" / std::to_string(z) / std::to_string(tx + dx) / (std::to_string(n - 1 - (ty + dy)) + ".png"), tx + dx, ty + dy);
        }
    const geo::Crs gk = geo::parse_crs("EPSG:4545");
    std::vector<geo::Coord> c{ll};
    geo::Transformer(geo::wgs84(), gk).transform(c);
    // 40 m pixels (zoom 12's are 38 m at the equator, 33 m here): the deepest level, 12, is read.
    const geo::Envelope view{c[0].x - 8000, c[0].y - 8000, c[0].x + 8000, c[0].y + 8000};
    for (const char* source : {"xyz/{z}/{x}/{y}.png", "tms/{z}/{x}/{-y}.png"}) {
        CAPTURE(source);
        const geo::BasemapReader r(geo::parse_basemap({{"source", source}, {"max_zoom", z}}), dir.path, gk);
        const geo::BasemapImage img = r.render(view, 400, 400);
        CHECK(img.problem.empty());
        const uint8_t* centre = pixel(img, 200, 200);
        CHECK(centre[0] == tx % 256);
        CHECK(centre[1] == ty % 256);
        CHECK(centre[2] == 77);
        CHECK(centre[3] == 255);
        // Each pixel's colour names the tile it came from: check it against the formula.
        size_t checked = 0, clear = 0;
        std::vector<geo::Coord> at;
        for (int y = 5; y < 400; y += 30)
            for (int x = 5; x < 400; x += 30) at.push_back({view.min_x + (x + 0.5) * 40, view.max_y - (y + 0.5) * 40});
        std::vector<geo::Coord> lonlat = at;
        geo::Transformer(gk, geo::wgs84()).transform(lonlat);
        size_t k = 0;
        for (int y = 5; y < 400; y += 30)
            for (int x = 5; x < 400; x += 30, ++k) {
                const geo::Coord pm = to_mercator(lonlat[k]);
                const int px = static_cast<int>(std::floor((pm.x + std::numbers::pi * kR) / tile_m));
                const int py = static_cast<int>(std::floor((std::numbers::pi * kR - pm.y) / tile_m));
                // Skip pixels within a pixel of a tile edge (the nearest source pixel may be either side).
                const double ex = std::fmod(pm.x + std::numbers::pi * kR, tile_m), ey = std::fmod(std::numbers::pi * kR - pm.y, tile_m);
                if (ex < 80 || ex > tile_m - 80 || ey < 80 || ey > tile_m - 80) continue;
                const uint8_t* p = pixel(img, x, y);
                if (px == tx + 1 && py == ty) {
                    CHECK(p[3] == 0);
                    ++clear;
                } else {
                    CHECK(p[3] == 255);
                    CHECK(p[0] == px % 256);
                    CHECK(p[1] == py % 256);
                }
                ++checked;
            }
        CHECK(checked > 150);
        CHECK(clear > 10);
    }
}

TEST_CASE("basemap from a server that does not answer: no throw, an empty image that says why, the map goes on")
{
    test::ScratchDir dir("basemap-down");
    const geo::Crs gk = geo::parse_crs("EPSG:4545");
    // Port 9 (discard) on this machine: the connection is refused at once.
    const geo::BasemapReader r(geo::parse_basemap({{"source", "http://127.0.0.1:9/{z}/{x}/{y}.png"}, {"cache", (dir.path / "cache").string()}}), dir.path, gk);
    const geo::BasemapImage img = r.render({500000, 3270000, 510000, 3280000}, 100, 100);
    CHECK(img.covered_pixels() == 0);
    CHECK(img.problem.find("cannot read the basemap XYZ tiles http://127.0.0.1:9/") != std::string::npos);
    CHECK(img.problem.find("the server cannot be reached (") != std::string::npos);
    CHECK(img.problem.find("the disk cache holds none of this view") != std::string::npos);
}
