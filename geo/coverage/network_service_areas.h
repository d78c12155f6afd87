#pragma once
// Service areas drawn from the road network: for each facility type and radius, the stretches
// of road within that network distance of the type's facilities (partly reached roads cut
// where the distance runs out), and a polygon around them `walk_off_m` wide on each side,
// dissolved, for the plots one reaches from those roads.
#include <vector>

#include "geo/core/layer.h"
#include "geo/coverage/road_network.h"
#include "geo/coverage/service_radii.h"

namespace geo {

struct NetworkServiceAreas {
    Layer roads;  // lines: type, radius_m, facilities, road_km
    Layer areas;  // polygons: type, type_zh, radius_m, facilities, road_km, area_km2
};

// Facilities farther than `attach_limit_m` from any road serve nothing by road.
NetworkServiceAreas network_service_areas(const RoadNetwork& network, const Layer& facilities, const Column& facility_type,
                                          const std::vector<FacilityType>& types, double attach_limit_m, double walk_off_m);

}  // namespace geo
