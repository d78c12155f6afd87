#include <doctest/doctest.h>

#include <set>

#include <string>

#include "geo/core/error.h"
#include "geo/io/dataset_open.h"
#include "geo/io/layer_reader.h"
#include "test_support.h"

namespace {

const geo::Crs& working()
{
    static const geo::Crs crs = geo::parse_crs("EPSG:4545");
    return crs;
}

// The message of the geo::Error that `f` throws ("" when it does not throw).
template <class F> std::string error_of(F&& f)
{
    try {
        f();
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the Chongqing districts load with exactly 7 repairs and nothing dropped")
{
    geo::LayerSource src;
    src.path = test::datasets("chongqing-demo/districts.geojson");
    const geo::Layer layer = geo::read_layer(src, working());
    CHECK(layer.size() == 38);
    CHECK(layer.report.repaired.size() == 7);
    CHECK(layer.report.skipped.empty());
    std::vector<int64_t> fids;
    for (const auto& n : layer.report.repaired) fids.push_back(n.fid);
    CHECK(fids == std::vector<int64_t>{3, 6, 14, 16, 20, 21, 30});
    double total = 0;
    for (size_t i = 0; i < layer.size(); ++i) total += geo::polygon_area(layer.geometry, i);
    CHECK(total / 1e6 == doctest::Approx(82400).epsilon(0.02));  // Chongqing: about 82,400 km²
}

TEST_CASE("a GBK Shapefile without .cpg is decoded as GBK and says so")
{
    geo::LayerSource src;
    src.path = test::data("gbk_nocpg.shp");
    const geo::Layer layer = geo::read_layer(src, working());
    REQUIRE(layer.size() == 1);
    REQUIRE(layer.column("名称"));
    CHECK(layer.column("名称")->string(0) == "生态保护红线");
    CHECK(layer.column("类型")->string(0) == "综合容积率");
    CHECK(contains(layer.encoding, "CP936"));
    REQUIRE_FALSE(layer.report.warnings.empty());
    CHECK(contains(layer.report.warnings[0], "GBK"));
}

TEST_CASE("a CSV with a BOM and 经度/纬度 in GCJ-02 becomes WGS 84 points, rows without coordinates are listed")
{
    geo::LayerSource src;
    src.path = test::data("gcj02_bom.csv");
    src.coords = geo::WebMapCoords::Gcj02;
    const geo::Layer layer = geo::read_layer(src, geo::wgs84());
    REQUIRE(layer.size() == 1);
    CHECK(layer.column("名称"));  // the BOM is not part of the first column's name
    const geo::Coord expected = geo::gcj02_to_wgs84({106.556, 29.566});
    CHECK(layer.geometry.first_coord(0).x == doctest::Approx(expected.x).epsilon(1e-12));
    CHECK(layer.geometry.first_coord(0).y == doctest::Approx(expected.y).epsilon(1e-12));
    CHECK(layer.geometry.first_coord(0).x < 106.556);  // the GCJ-02 offset went the right way
    REQUIRE(layer.report.skipped.size() == 1);
    CHECK(layer.report.skipped[0].fid == 2);
    CHECK(contains(layer.report.skipped[0].reason, "no coordinates"));
}

TEST_CASE("several layers: listed, and one opened by name")
{
    const auto listing = geo::list_layers(test::data("two_layers.gpkg"));
    REQUIRE(listing.size() == 2);
    CHECK(listing[0].name == "alpha");
    geo::LayerSource src;
    src.path = test::data("two_layers.gpkg");
    CHECK(contains(error_of([&] { geo::read_layer(src, working()); }), "name one of: alpha, beta"));
    src.layer = "beta";
    CHECK(geo::read_layer(src, working()).name == "beta");
    src.layer = "gamma";
    CHECK(contains(error_of([&] { geo::read_layer(src, working()); }), "no layer named 'gamma'"));
}

TEST_CASE("bad inputs give errors that name the file and the problem")
{
    auto read = [](const std::string& name, const std::string& srs = "") {
        geo::LayerSource src;
        src.path = name;
        src.srs = srs;
        return error_of([&] { geo::read_layer(src, working()); });
    };
    CHECK(contains(read("/nonexistent/firms.gpkg"), "/nonexistent/firms.gpkg: no such file"));
    const std::string truncated = read(test::data("truncated.gpkg"));
    CHECK(contains(truncated, "truncated.gpkg"));
    CHECK(contains(truncated, "malformed"));
    CHECK(contains(read(test::data("noshx.shp")), ".shx"));
    CHECK(contains(read(test::data("bad_syntax.geojson")), "bad_syntax.geojson: cannot open"));
    CHECK(contains(read(test::data("no_coords.csv")), "no coordinate columns"));
    const std::string no_crs = read(test::data("noprj.shp"));
    CHECK(contains(no_crs, "noprj.shp"));
    CHECK(contains(no_crs, "no coordinate reference system"));
    CHECK(contains(no_crs, "--srs"));
    CHECK(contains(read(test::data("xy_no_crs.csv")), "no coordinate reference system"));
    CHECK(contains(read(test::data("noprj.shp"), "EPSG:nonsense"), "EPSG:nonsense"));
    // With the CRS given, the same file reads.
    geo::LayerSource ok;
    ok.path = test::data("noprj.shp");
    ok.srs = "EPSG:4326";
    CHECK(geo::read_layer(ok, working()).size() == 3);
}

TEST_CASE("declaring GCJ-02 on a projected layer is an error")
{
    geo::LayerSource src;
    src.path = test::data("xy_no_crs.csv");
    src.srs = "EPSG:4545";
    src.coords = geo::WebMapCoords::Gcj02;
    CHECK(contains(error_of([&] { geo::read_layer(src, working()); }), "not longitude/latitude"));
}

TEST_CASE("KML and CSV with a WKT column are read, other geometry types in a layer are listed")
{
    geo::LayerSource kml;
    kml.path = test::data("parks.kml");
    const geo::Layer parks = geo::read_layer(kml, working());
    CHECK(parks.size() == 1);
    CHECK(parks.geometry.kind() == geo::GeomKind::Polygon);
    REQUIRE(parks.report.skipped.size() == 1);
    CHECK(contains(parks.report.skipped[0].reason, "POINT in a polygon layer"));

    geo::LayerSource wkt;
    wkt.path = test::data("wkt_4545.csv");
    wkt.srs = "EPSG:4545";
    const geo::Layer polygons = geo::read_layer(wkt, working());
    REQUIRE(polygons.size() == 2);
    CHECK(geo::polygon_area(polygons.geometry, 0) == doctest::Approx(500000.0));
    REQUIRE(polygons.report.repaired.size() == 1);  // the bow tie
    CHECK(contains(polygons.report.repaired[0].reason, "Self-intersection"));
    CHECK(geo::polygon_area(polygons.geometry, 1) == doctest::Approx(0.5));
}

TEST_CASE("an unreachable PostGIS connection is a one-line error")
{
    geo::LayerSource pg;
    pg.path = "PG:dbname=parkcap_nonexistent host=127.0.0.1 port=1";
    const std::string e = error_of([&] { geo::read_layer(pg, working()); });
    CHECK(contains(e, "PG:dbname=parkcap_nonexistent"));
    CHECK(e.find('\n') == std::string::npos);
}

TEST_CASE("only the named fields are read when asked, an unknown name is an error")
{
    geo::LayerSource src;
    src.path = test::data("firms.gpkg");
    src.only_fields = std::vector<std::string>{"从业人员"};
    const geo::Layer l = geo::read_layer(src, working());
    REQUIRE(l.columns.size() == 1);
    CHECK(l.columns[0].name() == "从业人员");
    CHECK(l.columns[0].integer(0) == 10);
    CHECK(l.size() == 5);
    src.only_fields = std::vector<std::string>{"headcount"};
    CHECK(contains(error_of([&] { geo::read_layer(src, working()); }), "no field named 'headcount'"));
    src.path = test::data("gcj02_bom.csv");  // the feature-loop reader maps fields by name too
    src.only_fields = std::vector<std::string>{"类型"};
    const geo::Layer csv = geo::read_layer(src, geo::wgs84());
    REQUIRE(csv.columns.size() == 1);
    CHECK(csv.columns[0].string(0) == "公交站点");
}

TEST_CASE("a box given in another CRS reads the features whose points lie in it, and not many more; web-map coordinates are read whole")
{
    const geo::Crs w = working();
    {
        geo::LayerSource src;
        src.path = test::datasets("chongqing-demo/enterprises.gpkg");
        const geo::Layer all = geo::read_layer(src, w);
        // A box around the middle of the features, in the working CRS.
        const geo::Envelope e = all.geometry.envelope();
        const geo::Envelope box{e.min_x + 0.3 * e.width(), e.min_y + 0.3 * e.height(), e.min_x + 0.6 * e.width(), e.min_y + 0.6 * e.height()};
        src.within = box;
        src.within_crs = w.code();
        const geo::Layer some = geo::read_layer(src, w);
        std::set<int64_t> inside, read;
        for (size_t i = 0; i < all.size(); ++i)
            if (box.contains(all.geometry.first_coord(i).x, all.geometry.first_coord(i).y)) inside.insert(all.fids[i]);
        for (size_t i = 0; i < some.size(); ++i) read.insert(some.fids[i]);
        CHECK(inside.size() > 10);
        CHECK(some.size() < all.size());
        // Every feature in the box is read; the few more are within the box's box in the source CRS.
        for (int64_t fid : inside) CHECK(read.count(fid) == 1);
        CHECK(read.size() <= inside.size() * 11 / 10 + 5);
    }
    geo::LayerSource csv;
    csv.path = test::datasets("chongqing-demo/facilities_gcj02.csv");
    csv.coords = geo::WebMapCoords::Gcj02;
    const size_t whole = geo::read_layer(csv, w).size();
    const geo::Envelope e = geo::read_layer(csv, w).geometry.envelope();
    csv.within = geo::Envelope{e.min_x, e.min_y, e.min_x + 0.1 * e.width(), e.min_y + 0.1 * e.height()};
    csv.within_crs = w.code();
    CHECK(geo::read_layer(csv, w).size() == whole);
}
