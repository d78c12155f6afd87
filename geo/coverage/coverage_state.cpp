#include "geo/coverage/coverage_state.h"

#include <cmath>
#include <limits>

#include "geo/core/error.h"

namespace geo {

CoverageState::CoverageState(std::vector<Coord> enterprises, std::vector<FacilityType> types, std::vector<Coord> facilities,
                             std::vector<int32_t> facility_type_of)
    : m_enterprises(std::move(enterprises)), m_types(std::move(types)), m_facilities(std::move(facilities)),
      m_type_of(std::move(facility_type_of))
{
    if (m_type_of.size() != m_facilities.size()) throw Error("coverage: one type per facility is needed");
    m_alive.assign(m_facilities.size(), 1);
    recompute_all();
}

void CoverageState::rebuild_index(size_t t)
{
    std::vector<Coord> pts;
    for (uint32_t id : m_members[t]) pts.push_back(m_facilities[id]);
    m_index[t] = PointIndex(pts);
}

void CoverageState::recompute_all()
{
    const size_t nt = m_types.size();
    m_members.assign(nt, {});
    m_index.assign(nt, PointIndex());
    for (uint32_t id = 0; id < m_facilities.size(); ++id)
        if (m_alive[id] && m_type_of[id] >= 0 && static_cast<size_t>(m_type_of[id]) < nt) m_members[static_cast<size_t>(m_type_of[id])].push_back(id);
    m_distance.assign(nt, std::vector<double>(m_enterprises.size(), std::numeric_limits<double>::infinity()));
    m_nearest.assign(nt, std::vector<int64_t>(m_enterprises.size(), -1));
    for (size_t t = 0; t < nt; ++t) {
        rebuild_index(t);
        for (size_t e = 0; e < m_enterprises.size(); ++e)
            if (auto hit = m_index[t].nearest(m_enterprises[e])) {
                m_distance[t][e] = hit->distance;
                m_nearest[t][e] = m_members[t][hit->index];
            }
    }
}

size_t CoverageState::add(Coord at, int32_t type, uint32_t* id_out)
{
    if (type < 0 || static_cast<size_t>(type) >= m_types.size()) throw Error("coverage: no such facility type");
    const uint32_t id = static_cast<uint32_t>(m_facilities.size());
    m_facilities.push_back(at);
    m_type_of.push_back(type);
    m_alive.push_back(1);
    const size_t t = static_cast<size_t>(type);
    m_members[t].push_back(id);
    rebuild_index(t);
    if (id_out) *id_out = id;
    return offer(id, at, t);
}

// Offers facility `id` at `at` of type `t` to every enterprise: those it is nearer to (ties
// to the lower id, as in a full recompute) take it. One comparison per enterprise, no search.
size_t CoverageState::offer(uint32_t id, Coord at, size_t t)
{
    size_t changed = 0;
    auto& dist = m_distance[t];
    auto& near = m_nearest[t];
    for (size_t e = 0; e < m_enterprises.size(); ++e) {
        const double dx = m_enterprises[e].x - at.x, dy = m_enterprises[e].y - at.y;
        const double d2 = dx * dx + dy * dy;
        if (d2 > dist[e] * dist[e]) continue;  // cheap reject, squared
        const double d = std::sqrt(d2);
        if (d < dist[e] || (d == dist[e] && static_cast<int64_t>(id) < near[e])) {
            dist[e] = d;
            near[e] = id;
            ++changed;
        }
    }
    return changed;
}

size_t CoverageState::remove(uint32_t id)
{
    if (!alive(id)) throw Error("coverage: no facility " + std::to_string(id) + " to remove");
    m_alive[id] = 0;
    const int32_t type = m_type_of[id];
    if (type < 0) return 0;
    const size_t t = static_cast<size_t>(type);
    std::erase(m_members[t], id);
    rebuild_index(t);
    size_t changed = 0;
    for (size_t e = 0; e < m_enterprises.size(); ++e) {
        if (m_nearest[t][e] != static_cast<int64_t>(id)) continue;
        ++changed;
        if (auto hit = m_index[t].nearest(m_enterprises[e])) {
            m_distance[t][e] = hit->distance;
            m_nearest[t][e] = m_members[t][hit->index];
        } else {
            m_distance[t][e] = std::numeric_limits<double>::infinity();
            m_nearest[t][e] = -1;
        }
    }
    return changed;
}

size_t CoverageState::move(uint32_t id, Coord to)
{
    if (!alive(id)) throw Error("coverage: no facility " + std::to_string(id) + " to move");
    const int32_t type = m_type_of[id];
    size_t changed = remove(id);
    // The facility keeps its id: revive it at the new place, then offer it to every enterprise.
    m_alive[id] = 1;
    m_facilities[id] = to;
    if (type < 0) return changed;
    const size_t t = static_cast<size_t>(type);
    m_members[t].push_back(id);
    std::sort(m_members[t].begin(), m_members[t].end());
    rebuild_index(t);
    return changed + offer(id, to, t);
}

size_t CoverageState::covered(size_t type, double radius) const
{
    size_t n = 0;
    for (double d : m_distance[type]) n += d <= radius;
    return n;
}

CoverageResult CoverageState::result() const
{
    CoverageResult r;
    for (size_t t = 0; t < m_types.size(); ++t) {
        TypeCoverage tc;
        tc.type = m_types[t];
        for (uint32_t id = 0; id < m_type_of.size(); ++id) tc.facilities += alive(id) && m_type_of[id] == static_cast<int32_t>(t);
        tc.distance = m_distance[t];
        tc.nearest = m_nearest[t];
        r.types.push_back(std::move(tc));
    }
    return r;
}

}  // namespace geo
