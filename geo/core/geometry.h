#pragma once
// The geometry column of an in-memory layer, stored flat (GeoArrow-like) so that a million
// points cost a few tens of megabytes: feature -> parts -> rings -> coordinates.
//
// - Point layers: a part is one point (a multipoint has several parts), one ring of one coord.
// - Line layers: a part is one linestring, one ring holding its vertices.
// - Polygon layers: a part is one polygon; its first ring is the shell, the others are holes.
//   Rings are closed (first coordinate repeated last).
// Every feature has at least one part: empty geometries are never stored (the reader skips
// and reports them).
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "geo/core/envelope.h"

namespace geo {

enum class GeomKind : uint8_t { Point, Line, Polygon };

std::string_view to_string(GeomKind kind);  // "point", "line", "polygon"

class GeometryColumn {
public:
    explicit GeometryColumn(GeomKind kind = GeomKind::Point);

    GeomKind kind() const { return m_kind; }
    size_t size() const { return m_feature_parts.size() - 1; }
    bool is_multi(size_t feature) const { return m_multi[feature] != 0; }

    size_t part_count(size_t feature) const;
    size_t part_begin(size_t feature) const { return m_feature_parts[feature]; }
    size_t ring_count(size_t part) const;
    size_t ring_begin(size_t part) const { return m_part_rings[part]; }
    std::span<const Coord> ring(size_t ring_index) const;
    std::span<Coord> mutable_coords() { return m_coords; }
    std::span<const Coord> coords() const { return m_coords; }

    // The first coordinate of a feature: the point itself for a point layer.
    Coord first_coord(size_t feature) const;
    Envelope envelope(size_t feature) const;
    Envelope envelope() const;

    // Building. A feature is begun, parts and rings are added, then it is ended. Rings must
    // be non-empty; a feature must have at least one part when ended.
    void begin_feature(bool multi);
    void begin_part();
    void add_ring(std::span<const Coord> coords);
    void end_feature();
    void add_point(Coord c);  // a whole single-point feature
    // Copies feature `feature` of `source` (same kind) as a new feature; `multi` overrides
    // the source's multi flag when given.
    void append_feature(const GeometryColumn& source, size_t feature, std::optional<bool> multi = std::nullopt);

    void reserve(size_t features, size_t coords);
    // Removes the last feature if it was begun but has no part yet (used when a geometry
    // turns out to be unusable half way).
    void abandon_feature();

    size_t memory_bytes() const;

private:
    GeomKind m_kind;
    std::vector<uint32_t> m_feature_parts{0};
    std::vector<uint32_t> m_part_rings{0};
    std::vector<uint32_t> m_ring_coords{0};
    std::vector<Coord> m_coords;
    std::vector<uint8_t> m_multi;
    bool m_open = false;
};

// Signed area of a closed ring (shoelace); positive when counter-clockwise.
double signed_ring_area(std::span<const Coord> ring);
// Area of one polygon feature: shells minus holes, in the column's CRS units squared.
double polygon_area(const GeometryColumn& polygons, size_t feature);

}  // namespace geo
