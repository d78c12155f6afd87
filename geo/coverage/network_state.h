#pragma once
// Road-network coverage that follows facility edits (moves, additions, removals). Every enterprise is attached to the
// network once; a moved facility is re-attached and its type's distances recomputed (one
// Dijkstra bounded by the type's largest radius, then one pass over the attached
// enterprises). Equals network_coverage after any moves (tested).
#include <optional>
#include <vector>

#include "geo/coverage/road_network.h"
#include "geo/coverage/service_radii.h"
#include "geo/coverage/straight_coverage.h"

namespace geo {

class NetworkCoverageState {
public:
    NetworkCoverageState(const RoadNetwork& network, std::vector<Coord> enterprises, std::vector<FacilityType> types,
                         std::vector<Coord> facilities, std::vector<int32_t> facility_type_of, double attach_limit_m);

    // The same edits as CoverageState, with the same ids (added facilities take the next id).
    void move(uint32_t facility, Coord to);
    uint32_t add(Coord at, int32_t type);
    void remove(uint32_t facility);
    double distance(size_t type, size_t enterprise) const { return m_distance[type][enterprise]; }
    // The road distances as a CoverageResult (no nearest facility: -1), for the summaries.
    CoverageResult result() const;

private:
    void recompute(size_t type);
    const RoadNetwork& m_network;
    std::vector<std::optional<RoadNetwork::Attachment>> m_attached;  // per enterprise
    std::vector<FacilityType> m_types;
    std::vector<Coord> m_facilities;
    std::vector<int32_t> m_type_of;
    double m_limit;
    std::vector<std::vector<double>> m_distance;
};

}  // namespace geo
