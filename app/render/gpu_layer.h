#pragma once
// One layer on the GPU. Positions are uploaded once, when the layer is created; a style
// change re-uploads only colours; a camera move changes only uniforms.
#include <vector>

#include "render/camera.h"
#include "render/gl_objects.h"
#include "render/layer_mesh.h"
#include "geo/style/layer_style.h"

namespace render {

struct Programs {
    Program fill, line, point;
    VertexArray dummy;
    Buffer quad;      // 4 corners for sprites (-1..1)
    Buffer segment;   // 4 corners for segment quads
    Programs();
};

class GpuLayer {
public:
    explicit GpuLayer(const LayerMesh& mesh);

    // Per-feature colours from geo::classify(); polygons take `stroke` for their outline, lines
    // and points their feature's own colour.
    void set_colours(const std::vector<geo::Rgba>& feature_colours, geo::Rgba stroke, bool polygons);
    void draw(const Programs& programs, const Camera& camera, const geo::LayerStyle& style) const;
    geo::Coord origin() const { return m_origin; }

    // How many times geometry has been uploaded, over all layers (for benchmarks and tests).
    static size_t geometry_uploads();

private:
    void setup_fill(const Programs& p);
    void draw_visible_points(const Camera& camera, float size_px) const;
    geo::Coord m_origin;
    std::vector<uint32_t> m_fill_feature, m_segment_feature, m_point_feature;
    Buffer m_fill_xy, m_fill_colour, m_segments, m_segment_colour, m_points, m_point_colour;
    VertexArray m_fill_vao, m_line_vao, m_point_vao;
    GLsizei m_fill_count = 0, m_segment_count = 0, m_point_count = 0;
    int m_grid = 0;
    geo::Envelope m_grid_box;
    std::vector<uint32_t> m_cell_start;
    bool m_vaos_ready = false;
};

}  // namespace render
