#include "test_support.h"

#include <stdexcept>

#include <ogr_geometry.h>
#include <unistd.h>

namespace test {

namespace {

void add_ogr(geo::GeometryColumn& col, const OGRGeometry& g)
{
    auto ring = [](const OGRSimpleCurve& c) {
        std::vector<geo::Coord> out;
        for (int i = 0; i < c.getNumPoints(); ++i) out.push_back({c.getX(i), c.getY(i)});
        return out;
    };
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint: {
        geo::Coord c{g.toPoint()->getX(), g.toPoint()->getY()};
        col.begin_part();
        col.add_ring(std::span<const geo::Coord>(&c, 1));
        break;
    }
    case wkbLineString:
        col.begin_part();
        col.add_ring(ring(*g.toLineString()));
        break;
    case wkbPolygon:
        col.begin_part();
        for (const OGRLinearRing* r : *g.toPolygon()) col.add_ring(ring(*r));
        break;
    default:
        for (const OGRGeometry* part : *g.toGeometryCollection()) add_ogr(col, *part);
    }
}

}  // namespace

void add_wkt(geo::GeometryColumn& column, const std::string& wkt)
{
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE || !g)
        throw std::runtime_error("bad WKT in test: " + wkt);
    column.begin_feature(OGR_GT_IsSubClassOf(g->getGeometryType(), wkbGeometryCollection));
    add_ogr(column, *g);
    column.end_feature();
    OGRGeometryFactory::destroyGeometry(g);
}

geo::GeometryColumn from_wkt(geo::GeomKind kind, std::initializer_list<std::string> wkts)
{
    geo::GeometryColumn col(kind);
    for (const auto& w : wkts) add_wkt(col, w);
    return col;
}

ScratchDir::ScratchDir(const std::string& name)
    : path(std::filesystem::temp_directory_path() / ("parkcap_test_" + name + "_" + std::to_string(::getpid())))
{
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
}

ScratchDir::~ScratchDir()
{
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

std::string data(const std::string& name) { return std::string(PARKCAP_TEST_DATA) + "/" + name; }
std::string datasets(const std::string& name) { return std::string(PARKCAP_DATASETS) + "/" + name; }

}  // namespace test
