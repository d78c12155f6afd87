#pragma once
// A road network for service distances: the roads layer noded where lines cross or touch
// (GEOS), split into straight segments between vertices, with lengths in metres. Points
// (enterprises, facilities) attach to the nearest point of the network; the attachment
// distance is part of every network distance and is reported.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "geo/core/geometry.h"
#include "geo/core/rtree.h"

namespace geo {

class RoadNetwork {
public:
    // Throws geo::Error for a layer that is not lines, or one with no usable segment.
    explicit RoadNetwork(const GeometryColumn& roads);

    struct Attachment {
        uint32_t segment;
        double along;     // metres from the segment's first node
        double distance;  // metres from the point to the network
    };
    // The nearest point of the network within `max_distance`, or nullopt.
    std::optional<Attachment> attach(Coord p, double max_distance) const;

    // Shortest network distance from any of `sources` to every node, not beyond `cutoff`
    // (infinity where unreached). Each source's attachment distance counts.
    std::vector<double> distances_from(std::span<const Attachment> sources, double cutoff) const;
    // The network distance to an attached point, given node distances from distances_from;
    // `sources` are needed again for points on a source's own segment.
    double distance_to(const Attachment& a, const std::vector<double>& node_distance, std::span<const Attachment> sources) const;
    // The same for many points: `source_on_segment` (from sources_on_segments) spares the scan
    // of every source for the rare point that shares a source's segment.
    double distance_to(const Attachment& a, const std::vector<double>& node_distance, std::span<const Attachment> sources,
                       const std::vector<uint8_t>& source_on_segment) const;
    std::vector<uint8_t> sources_on_segments(std::span<const Attachment> sources) const;

    size_t nodes() const { return m_nodes.size(); }
    size_t segments() const { return m_segments.size(); }
    size_t components() const { return m_components; }
    int32_t component_of_segment(uint32_t s) const { return m_component[m_segments[s].a]; }
    double total_length() const;
    // Segments wholly within `cutoff` of the sources, for drawing service areas.
    std::vector<uint32_t> reached_segments(const std::vector<double>& node_distance, double cutoff) const;
    // Every stretch of road within `cutoff` of the sources, partly reached segments cut where
    // the distance runs out (from either end, or from a source attached to the segment).
    std::vector<std::pair<Coord, Coord>> reached_pieces(const std::vector<double>& node_distance, std::span<const Attachment> sources,
                                                        double cutoff) const;
    std::pair<Coord, Coord> segment_ends(uint32_t s) const { return {m_nodes[m_segments[s].a], m_nodes[m_segments[s].b]}; }

private:
    struct Segment {
        uint32_t a, b;
        double length;
    };
    std::vector<Coord> m_nodes;
    std::vector<Segment> m_segments;
    std::vector<uint32_t> m_offsets, m_adjacent;  // CSR: segments touching each node
    std::vector<int32_t> m_component;              // per node
    size_t m_components = 0;
    RTree m_index;                                 // over segment envelopes
};

}  // namespace geo
