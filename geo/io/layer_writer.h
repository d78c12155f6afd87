#pragma once
// Writing an in-memory layer to any OGR vector format, atomically: the data goes to
// temporary files beside the target and is renamed into place only when complete, so a
// failure never leaves a half-written file, and an existing file is only replaced when the
// caller allows it.
#include <filesystem>
#include <functional>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "geo/core/layer.h"
#include "geo/io/crs.h"

namespace geo {

struct WriteOptions {
    std::string driver;      // GDAL short name; empty: from the extension (.gpkg, .shp, .geojson, .fgb, .kml)
    std::string layer_name;  // empty: the file's stem
    std::string encoding;    // Shapefile .dbf encoding (e.g. "CP936"); empty: UTF-8
    bool write_cpg = true;   // false: leave out the .cpg (as many Chinese Shapefiles arrive)
    bool overwrite = false;  // replace an existing file
    std::vector<std::string> layer_options;  // extra GDAL layer creation options ("KEY=VALUE")
    std::map<std::string, std::string> metadata;  // written on every layer (GeoPackage keeps it)
    // GeoPackage: a layer with more features than this gets no R-tree. SQLite builds one at
    // about 70,000 points a second, so a million-point layer costs 14 s; QGIS can add it later.
    size_t spatial_index_limit = SIZE_MAX;
    // QGIS styles (QML) by layer name: a GeoPackage gets a layer_styles table with each as its
    // layer's default style (QGIS opens the layer styled); a Shapefile gets a .qml beside it.
    std::map<std::string, std::string> qml_styles;
    // Extra files written beside the dataset, with it and as atomically (a field-name map),
    // by file name suffix ("_fields.csv") and content.
    std::map<std::string, std::string> sidecars;
};

// A dataset written a chunk at a time, so that a layer larger than memory (the ten-million
// enterprise registry `parkcap synth` makes) never has to be whole: layers are begun with
// their schema and expected size, chunks of features appended, and the dataset renamed into
// place by commit(). Destroyed without commit (an error, a cancel), it leaves nothing.
class LayerFileWriter {
public:
    // Checks the target (exists without overwrite, missing folder, unknown format) and
    // creates the temporary dataset beside it. Throws geo::Error naming the file.
    LayerFileWriter(const std::filesystem::path& path, const Crs& crs, WriteOptions options);
    ~LayerFileWriter();
    LayerFileWriter(const LayerFileWriter&) = delete;
    LayerFileWriter& operator=(const LayerFileWriter&) = delete;

    // A new layer with `schema`'s columns and geometry kind; `multi`: written as Multi types.
    // `expected_features` decides the GeoPackage spatial index (WriteOptions::spatial_index_limit).
    void begin_layer(const std::string& name, const Layer& schema, bool multi, size_t expected_features);
    // Appends every feature of `chunk` (same columns as the schema) to the current layer.
    void append(const Layer& chunk);
    // A whole layer of `rows` features made a chunk at a time: `rows_of(begin, end)` gives rows
    // [begin, end) (and, for begin == end == 0, the schema); never whole in memory.
    void write_chunked(const std::string& name, size_t rows, bool multi, const std::function<Layer(size_t, size_t)>& rows_of);
    // `layer` as one more layer of the dataset.
    void write(const std::string& name, const Layer& layer);
    // Styles, sidecars and the rename into place. Throws geo::Error naming the file.
    void commit();

private:
    struct State;
    std::unique_ptr<State> m;
};

// Writes `layer`, whose coordinates are in `crs`. Throws geo::Error naming the file.
void write_layer(const Layer& layer, const Crs& crs, const std::filesystem::path& path,
                 const WriteOptions& options = {});

// Several layers into one dataset (a GeoPackage), all or none. Each entry is (name, layer).
void write_layers(const std::vector<std::pair<std::string, const Layer*>>& layers, const Crs& crs,
                  const std::filesystem::path& path, const WriteOptions& options = {});

}  // namespace geo
