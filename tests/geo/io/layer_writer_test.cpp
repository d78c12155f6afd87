#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "geo/core/error.h"
#include "geo/io/layer_reader.h"
#include "geo/io/layer_writer.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

geo::Layer sample()
{
    geo::Layer layer;
    layer.geometry = test::from_wkt(geo::GeomKind::Polygon,
                                    {"POLYGON ((106.5 29.5, 106.6 29.5, 106.6 29.6, 106.5 29.5))",
                                     "MULTIPOLYGON (((106.7 29.5, 106.8 29.5, 106.8 29.6, 106.7 29.5)), ((106.9 29.5, 107.0 29.5, 107.0 29.6, 106.9 29.5)))"});
    layer.fids = {0, 1};
    layer.columns = {geo::Column("名称", geo::FieldType::String), geo::Column("面积", geo::FieldType::Real)};
    layer.columns[0].push_string("基本农田");
    layer.columns[0].push_null();
    layer.columns[1].push_real(1.5);
    layer.columns[1].push_real(2.25);
    return layer;
}

size_t files_in(const fs::path& dir)
{
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("written layers reopen with the same features, in GeoPackage and in a GBK Shapefile")
{
    test::ScratchDir dir("writer");
    const geo::Layer layer = sample();
    for (const char* name : {"out.gpkg", "out.shp", "out.geojson", "out.fgb"}) {
        const std::string format = name;
        CAPTURE(format);
        geo::WriteOptions options;
        if (std::string(name) == "out.shp") {
            options.encoding = "CP936";
            options.write_cpg = false;
        }
        geo::write_layer(layer, geo::wgs84(), dir.path / name, options);
        geo::LayerSource src;
        src.path = (dir.path / name).string();
        const geo::Layer back = geo::read_layer(src, geo::wgs84());
        REQUIRE(back.size() == 2);
        CHECK(back.column("名称")->string(0) == "基本农田");
        CHECK(back.column("名称")->is_null(1));
        CHECK(back.column("面积")->real(1) == doctest::Approx(2.25));
        CHECK(back.geometry.part_count(1) == 2);
        CHECK(geo::polygon_area(back.geometry, 0) == doctest::Approx(0.005));
    }
    CHECK_FALSE(fs::exists(dir.path / "out.cpg"));
    // No temporary files are left behind.
    for (const auto& entry : fs::directory_iterator(dir.path)) CHECK(entry.path().filename().string()[0] != '.');
}

TEST_CASE("an existing file is not overwritten unless asked, and a failed write leaves nothing")
{
    test::ScratchDir dir("writer_safety");
    const fs::path target = dir.path / "kept.gpkg";
    { std::ofstream(target) << "precious"; }
    CHECK_THROWS_AS(geo::write_layer(sample(), geo::wgs84(), target), geo::Error);
    std::ifstream in(target);
    std::string content;
    in >> content;
    CHECK(content == "precious");
    CHECK_THROWS_AS(geo::write_layer(sample(), geo::wgs84(), dir.path / "x.unknownformat"), geo::Error);
    CHECK_THROWS_AS(geo::write_layer(sample(), geo::wgs84(), dir.path / "no_such_folder" / "x.gpkg"), geo::Error);
    CHECK(files_in(dir.path) == 1);
}

TEST_CASE("a layer written a chunk at a time is the same file as one written whole; abandoned, it leaves nothing")
{
    test::ScratchDir dir("writer_stream");
    const geo::Layer layer = sample();
    geo::write_layer(layer, geo::wgs84(), dir.path / "whole.gpkg");
    {
        geo::LayerFileWriter w(dir.path / "chunks.gpkg", geo::wgs84(), {});
        w.begin_layer("whole", layer, true, 2);
        for (size_t i = 0; i < layer.size(); ++i) {
            std::vector<uint8_t> keep(layer.size(), 0);
            keep[i] = 1;
            w.append(geo::select_rows(layer, keep));
        }
        w.commit();
    }
    std::ifstream a(dir.path / "whole.gpkg", std::ios::binary), b(dir.path / "chunks.gpkg", std::ios::binary);
    const std::string whole((std::istreambuf_iterator<char>(a)), {}), chunks((std::istreambuf_iterator<char>(b)), {});
    CHECK(whole.size() > 0);
    CHECK(whole == chunks);

    {
        geo::LayerFileWriter w(dir.path / "abandoned.gpkg", geo::wgs84(), {});
        w.begin_layer("abandoned", layer, true, 2);
        w.append(layer);
    }
    CHECK(files_in(dir.path) == 2);  // whole.gpkg and chunks.gpkg only
}
