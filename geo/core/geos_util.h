#pragma once
// Small RAII layer over the re-entrant GEOS C API, and conversion between GeometryColumn
// features and GEOS geometries. One GeosContext per thread.
#include <memory>
#include <string>

#include "geo/core/geometry.h"

typedef struct GEOSContextHandle_HS* GEOSContextHandle_t;
typedef struct GEOSGeom_t GEOSGeometry;

namespace geo {

class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GEOSContextHandle_t handle() const { return m_handle; }
    const std::string& last_error() const { return m_last_error; }

private:
    GEOSContextHandle_t m_handle;
    std::string m_last_error;
};

struct GeosGeomDeleter {
    GEOSContextHandle_t ctx;
    void operator()(GEOSGeometry* g) const;
};
using GeosGeom = std::unique_ptr<GEOSGeometry, GeosGeomDeleter>;

GeosGeom to_geos(const GeosContext& ctx, const GeometryColumn& column, size_t feature);
// Appends `g` as one feature of `column`, keeping only the parts of the column's dimension
// (a repaired polygon may come back as a collection with stray lines). Returns false and
// appends nothing when no part of that dimension remains.
bool append_from_geos(const GeosContext& ctx, const GEOSGeometry* g, GeometryColumn& column);

// Outcome of checking one polygon feature.
struct PolygonCheck {
    bool valid = true;
    std::string reason;  // GEOS's reason when invalid, e.g. "Self-intersection"
    bool has_location = false;
    Coord location;      // where GEOS found the problem, in the column's CRS
};
PolygonCheck check_polygon(const GeosContext& ctx, const GeometryColumn& column, size_t feature);

// GEOS MakeValid of one feature; nullptr when GEOS fails.
GeosGeom make_valid(const GeosContext& ctx, const GeometryColumn& column, size_t feature);

}  // namespace geo
