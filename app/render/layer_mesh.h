#pragma once
// What the GPU needs of one layer, prepared on a worker thread (triangulation is GEOS work
// and must not run in the frame loop): vertex positions relative to an origin, as floats,
// and for each vertex, segment or sprite the feature it belongs to, so that styles only
// re-upload colours.
#include <cstdint>
#include <vector>

#include "geo/core/layer.h"

namespace render {

struct LayerMesh {
    geo::Coord origin;                    // subtracted from every coordinate
    std::vector<float> fill_xy;           // triangles, 2 floats per vertex
    std::vector<uint32_t> fill_feature;   // per vertex
    std::vector<float> segments;          // 4 floats (x0, y0, x1, y1) per segment
    std::vector<uint32_t> segment_feature;
    std::vector<float> points_xy;         // 2 floats per sprite, sorted by grid cell (row-major)
    std::vector<uint32_t> point_feature;
    // Sprites of cell (row r, column c) are [cell_start[r*grid+c], cell_start[r*grid+c+1]), so
    // a zoomed-in view draws one contiguous run per visible row instead of every sprite.
    int grid = 0;
    geo::Envelope grid_box;               // relative to origin
    std::vector<uint32_t> cell_start;
    std::vector<geo::Coord> label_points; // per feature, for polygons (absolute coordinates)
};

LayerMesh build_layer_mesh(const geo::Layer& layer, geo::Coord origin);

}  // namespace render
