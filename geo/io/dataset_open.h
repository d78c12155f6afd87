#pragma once
// Opening an OGR source and picking one layer, with the options each format needs:
// CSV coordinate columns, Shapefile encodings, clear errors for missing or broken files.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/io/crs.h"
#include "geo/io/layer_source.h"

namespace geo {

struct OpenedLayer {
    GDALDatasetUniquePtr dataset;
    // A query's result set, released before the dataset closes (declared after it).
    std::unique_ptr<OGRLayer, std::function<void(OGRLayer*)>> result;
    OGRLayer* layer = nullptr;  // owned by dataset (or `result`)
    std::string driver;
    std::string encoding;               // Shapefile text encoding in use; empty otherwise
    std::vector<std::string> warnings;  // decisions the user should know about
    Crs crs;                            // resolved source CRS (own, override, or stated assumption)
};

struct LayerListing {
    std::string name;
    std::string geometry_type;  // OGR's name, e.g. "Multi Polygon"
    int64_t feature_count = -1; // -1 when the driver cannot tell without reading
};

// Lists the layers of a source. Throws geo::Error naming the path when it cannot be opened.
std::vector<LayerListing> list_layers(const std::string& path, const std::string& encoding = "");

// Opens the source and the named layer (the only one when `source.layer` is empty) and
// resolves its CRS. Throws geo::Error naming the file (and layer) for a missing file, a
// format GDAL cannot read, an unknown layer name, several layers with none named, a CSV
// without coordinate columns, or a layer with no CRS and no override.
OpenedLayer open_layer(const LayerSource& source);

// The names of the source layer's attribute fields, in order (opens it, reads no feature).
std::vector<std::string> field_names(const LayerSource& source);

// True for a .shp path with no .dbf beside it: GDAL reads it without any attributes.
bool shapefile_without_dbf(const std::string& path);

// CSV column names recognised as coordinates (lower case).
const std::vector<std::string>& csv_longitude_names();
const std::vector<std::string>& csv_latitude_names();

}  // namespace geo
