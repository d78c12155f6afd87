#include "geo/coverage/network_state.h"

#include <limits>

#include "geo/core/error.h"
#include "geo/coverage/straight_coverage.h"

namespace geo {

NetworkCoverageState::NetworkCoverageState(const RoadNetwork& network, std::vector<Coord> enterprises, std::vector<FacilityType> types,
                                           std::vector<Coord> facilities, std::vector<int32_t> facility_type_of, double attach_limit_m)
    : m_network(network), m_types(std::move(types)), m_facilities(std::move(facilities)), m_type_of(std::move(facility_type_of)),
      m_limit(attach_limit_m)
{
    m_attached.reserve(enterprises.size());
    for (const Coord& e : enterprises) m_attached.push_back(network.attach(e, attach_limit_m));
    m_distance.assign(m_types.size(), {});
    for (size_t t = 0; t < m_types.size(); ++t) recompute(t);
}

void NetworkCoverageState::recompute(size_t t)
{
    std::vector<RoadNetwork::Attachment> sources;
    for (size_t i = 0; i < m_facilities.size(); ++i)
        if (m_type_of[i] == static_cast<int32_t>(t))
            if (auto a = m_network.attach(m_facilities[i], m_limit)) sources.push_back(*a);
    const double cutoff = m_types[t].radii_m.empty() ? 0 : m_types[t].radii_m.back();
    const std::vector<double> nodes = m_network.distances_from(sources, cutoff);
    const std::vector<uint8_t> on_segment = m_network.sources_on_segments(sources);
    auto& d = m_distance[t];
    d.assign(m_attached.size(), std::numeric_limits<double>::infinity());
    for (size_t e = 0; e < m_attached.size(); ++e)
        if (m_attached[e]) d[e] = within_cutoff(m_network.distance_to(*m_attached[e], nodes, sources, on_segment), cutoff);
}

uint32_t NetworkCoverageState::add(Coord at, int32_t type)
{
    if (type < 0 || static_cast<size_t>(type) >= m_types.size()) throw Error("network coverage: no such facility type");
    m_facilities.push_back(at);
    m_type_of.push_back(type);
    recompute(static_cast<size_t>(type));
    return static_cast<uint32_t>(m_facilities.size() - 1);
}

void NetworkCoverageState::remove(uint32_t facility)
{
    if (facility >= m_facilities.size() || m_type_of[facility] < 0) throw Error("network coverage: no facility " + std::to_string(facility));
    const size_t t = static_cast<size_t>(m_type_of[facility]);
    m_type_of[facility] = -1;  // the id stays taken, as in CoverageState
    recompute(t);
}

void NetworkCoverageState::move(uint32_t facility, Coord to)
{
    if (facility >= m_facilities.size()) throw Error("network coverage: no facility " + std::to_string(facility));
    m_facilities[facility] = to;
    if (m_type_of[facility] >= 0) recompute(static_cast<size_t>(m_type_of[facility]));
}

CoverageResult NetworkCoverageState::result() const
{
    CoverageResult r;
    for (size_t t = 0; t < m_types.size(); ++t) {
        TypeCoverage tc;
        tc.type = m_types[t];
        for (int32_t type : m_type_of) tc.facilities += type == static_cast<int32_t>(t);
        tc.distance = m_distance[t];
        tc.nearest.assign(m_distance[t].size(), -1);
        r.types.push_back(std::move(tc));
    }
    return r;
}

}  // namespace geo
