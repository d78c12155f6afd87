#include "geo/coverage/network_service_areas.h"

#include <cmath>

#include <geos_c.h>

#include "geo/core/geometry.h"
#include "geo/core/geos_util.h"

namespace geo {

NetworkServiceAreas network_service_areas(const RoadNetwork& network, const Layer& facilities, const Column& facility_type,
                                          const std::vector<FacilityType>& types, double attach_limit_m, double walk_off_m)
{
    NetworkServiceAreas out;
    out.roads.name = "reachable_roads";
    out.roads.geometry = GeometryColumn(GeomKind::Line);
    out.roads.columns = {Column("type", FieldType::String), Column("radius_m", FieldType::Real), Column("facilities", FieldType::Integer),
                         Column("road_km", FieldType::Real)};
    out.areas.name = "network_service_areas";
    out.areas.geometry = GeometryColumn(GeomKind::Polygon);
    out.areas.columns = {Column("type", FieldType::String),       Column("type_zh", FieldType::String),
                         Column("radius_m", FieldType::Real),     Column("facilities", FieldType::Integer),
                         Column("road_km", FieldType::Real),      Column("area_km2", FieldType::Real)};
    GeosContext ctx;
    GEOSContextHandle_t h = ctx.handle();
    for (const FacilityType& type : types) {
        std::vector<RoadNetwork::Attachment> sources;
        int64_t count = 0;
        for (size_t i = 0; i < facilities.size(); ++i) {
            if (facility_type.is_null(i) || find_facility_type(types, facility_type.text(i)) != &type) continue;
            ++count;
            if (auto a = network.attach(facilities.geometry.first_coord(i), attach_limit_m)) sources.push_back(*a);
        }
        if (sources.empty()) continue;
        for (double radius : type.radii_m) {
            const auto pieces = network.reached_pieces(network.distances_from(sources, radius), sources, radius);
            if (pieces.empty()) continue;
            double km = 0;
            out.roads.geometry.begin_feature(true);
            std::vector<GEOSGeometry*> lines;
            for (const auto& [a, b] : pieces) {
                const Coord line[2] = {a, b};
                out.roads.geometry.begin_part();
                out.roads.geometry.add_ring(line);
                km += std::hypot(b.x - a.x, b.y - a.y) / 1000;
                GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, 2, 2);
                GEOSCoordSeq_setXY_r(h, seq, 0, a.x, a.y);
                GEOSCoordSeq_setXY_r(h, seq, 1, b.x, b.y);
                lines.push_back(GEOSGeom_createLineString_r(h, seq));
            }
            out.roads.geometry.end_feature();
            out.roads.fids.push_back(static_cast<int64_t>(out.roads.fids.size()));
            out.roads.columns[0].push_string(type.code);
            out.roads.columns[1].push_real(radius);
            out.roads.columns[2].push_integer(count);
            out.roads.columns[3].push_real(km);

            GeosGeom all(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, lines.data(), static_cast<unsigned>(lines.size())),
                         GeosGeomDeleter{h});
            GeosGeom area(GEOSBuffer_r(h, all.get(), walk_off_m, 8), GeosGeomDeleter{h});
            if (!area || !append_from_geos(ctx, area.get(), out.areas.geometry)) continue;
            out.areas.fids.push_back(static_cast<int64_t>(out.areas.fids.size()));
            out.areas.columns[0].push_string(type.code);
            out.areas.columns[1].push_string(type.name_zh);
            out.areas.columns[2].push_real(radius);
            out.areas.columns[3].push_integer(count);
            out.areas.columns[4].push_real(km);
            out.areas.columns[5].push_real(polygon_area(out.areas.geometry, out.areas.size() - 1) / 1e6);
        }
    }
    return out;
}

}  // namespace geo
