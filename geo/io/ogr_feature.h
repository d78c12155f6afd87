#pragma once
// Our layers as OGR features, for every writer (files through layer_writer, PostGIS through
// database_writer): the geometry type of a layer, a feature's geometry, the fields and values.
#include <memory>

#include <ogrsf_frmts.h>

#include "geo/core/error.h"
#include "geo/core/layer.h"
#include "geo/io/gdal_errors.h"

namespace geo {

// True when any feature is a multi-part one: the layer is then written with the Multi type.
bool any_multi(const GeometryColumn& g);
OGRwkbGeometryType ogr_layer_type(const GeometryColumn& g);
// The feature as an OGR geometry; `force_multi` wraps single parts for layers of a Multi type
// (FlatGeobuf, for one, refuses a Polygon in a MultiPolygon layer).
std::unique_ptr<OGRGeometry> to_ogr(const GeometryColumn& g, size_t feature, bool force_multi);
// A field per column (Integer64, Real or String); throws geo::Error naming the field.
void create_fields(OGRLayer& out, const Layer& layer, const ErrorContext& where, GdalErrorCapture& capture);
// Row `row`'s values (nulls as nulls).
void set_fields(OGRFeature& f, const Layer& layer, size_t row);

}  // namespace geo
