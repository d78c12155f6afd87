#include <doctest/doctest.h>

#include <gdal_priv.h>

#include "geo/density/kde.h"
#include "geo/io/raster_writer.h"
#include "test_support.h"

TEST_CASE("a density GeoTIFF reopens with its grid, CRS, nodata, metadata and values")
{
    test::ScratchDir dir("geotiff");
    const std::vector<geo::Coord> pts{{500100, 3300100}, {500900, 3300500}};
    geo::KdeOptions o;
    o.radius_m = 400;
    o.cell_m = 20;
    const geo::KdeResult r = geo::kernel_density(pts, {}, o, {500000, 3300000, 501000, 3301000}, false);
    const auto path = dir.path / "d.tif";
    geo::write_geotiff(r.raster, geo::parse_crs("EPSG:4545"), path, -9999.0f, {{"KERNEL", "quartic"}, {"UNITS", "kernel sum"}}, false);
    CHECK_THROWS_AS(geo::write_geotiff(r.raster, geo::parse_crs("EPSG:4545"), path, -9999.0f, {}, false), geo::Error);

    GDALDatasetUniquePtr ds(GDALDataset::Open(path.string().c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    CHECK(ds->GetRasterXSize() == 50);
    CHECK(ds->GetRasterYSize() == 50);
    double gt[6];
    ds->GetGeoTransform(gt);
    CHECK(gt[0] == 500000);
    CHECK(gt[3] == 3301000);
    CHECK(gt[1] == 20);
    CHECK(gt[5] == -20);
    CHECK(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)) == "4545");
    CHECK(std::string(ds->GetMetadataItem("KERNEL")) == "quartic");
    int has_nodata = 0;
    CHECK(ds->GetRasterBand(1)->GetNoDataValue(&has_nodata) == -9999);
    CHECK(has_nodata);
    // The cell holding the first point (col 5, row 45 from the north) is near the kernel's peak of 1.
    float v = 0;
    CHECK(ds->GetRasterBand(1)->RasterIO(GF_Read, 5, 45, 1, 1, &v, 1, 1, GDT_Float32, 0, 0, nullptr) == CE_None);
    CHECK(v == doctest::Approx(r.raster.at(5, 45)));
    CHECK(v > 0.99f);
}
