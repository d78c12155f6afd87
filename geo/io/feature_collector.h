#pragma once
// Internal to the layer reader: gathers features, in the source CRS, into a Layer whose
// columns are already declared, whichever way GDAL delivers them (a feature loop or Arrow
// record batches), and keeps notes on what had to be skipped or repaired.
#include <optional>
#include <string>

#include <ogrsf_frmts.h>

#include "geo/core/layer.h"
#include "geo/core/progress.h"

namespace geo {

class FeatureCollector {
public:
    // `kind`: the layer's declared dimension, if any. `wanted`: the dimension the layer's role
    // needs; a layer of unknown or collection type takes it, so that the polygons inside KML
    // MultiGeometries or GeometryCollections are kept for a parks layer.
    FeatureCollector(Layer& layer, std::optional<GeomKind> kind, std::optional<GeomKind> wanted,
                     std::string fallback_encoding, bool is_csv);

    // Adds a feature's geometry; returns false (with a note) when the feature is skipped,
    // in which case no attribute may be pushed for it.
    bool add_geometry(int64_t fid, const OGRGeometry* g);
    // The fast path for a plain point in a point layer.
    bool add_point(int64_t fid, double x, double y);
    // Text that is not valid UTF-8 is decoded from the fallback encoding.
    void push_text(Column& column, std::string_view text);

    Layer& layer() { return m_layer; }
    // Called between batches: once enough rows are in, reserves each text column's buffer
    // for `expected` rows from the average length so far.
    void checkpoint(int64_t expected);
    // Adds the layer-level warnings gathered while collecting; sets the geometry kind of a
    // layer that turned out empty.
    void finish();

private:
    bool ensure_kind(int64_t fid, const OGRGeometry& g);

    Layer& m_layer;
    std::optional<GeomKind> m_kind;
    std::optional<GeomKind> m_wanted;
    std::string m_fallback_encoding;
    bool m_is_csv;
    size_t m_recoded = 0;
    bool m_text_reserved = false;
    std::string m_scratch;
};

std::optional<GeomKind> kind_of(OGRwkbGeometryType type);
// The highest dimension found in `g` (a collection is searched through); nullopt when none.
std::optional<GeomKind> highest_kind_in(const OGRGeometry& g);

// Reads every feature with OGRLayer::GetNextFeature. Throws geo::Error when GDAL reports a
// read error on the way (a truncated or corrupt file), never returning a partial layer.
void collect_with_feature_loop(OGRLayer& ogr, FeatureCollector& out, const Progress& progress);

// Reads through GDAL's columnar Arrow stream, several times faster than the loop for the
// drivers that implement it natively (GeoPackage in GDAL 3.6). Returns false, having read
// nothing, when the layer has no fast stream or a column type this reader does not handle.
bool collect_with_arrow(OGRLayer& ogr, FeatureCollector& out, const Progress& progress);

}  // namespace geo
