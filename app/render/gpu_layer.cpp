#include "render/gpu_layer.h"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace render {

namespace {

std::atomic<size_t> g_geometry_uploads{0};

void attribute(GLuint index, GLint size, GLenum type, bool normalised, GLsizei stride, size_t offset, GLuint divisor)
{
    glEnableVertexAttribArray(index);
    glVertexAttribPointer(index, size, type, normalised ? GL_TRUE : GL_FALSE, stride, reinterpret_cast<const void*>(offset));
    glVertexAttribDivisor(index, divisor);
}

void uniform_common(GLuint program, const Camera& camera, geo::Coord origin, float opacity)
{
    const auto m = camera.clip_matrix(origin);
    glUniformMatrix3fv(glGetUniformLocation(program, "u_clip"), 1, GL_FALSE, m.data());
    glUniform2f(glGetUniformLocation(program, "u_viewport"), static_cast<float>(camera.width()), static_cast<float>(camera.height()));
    glUniform1f(glGetUniformLocation(program, "u_opacity"), opacity);
}

}  // namespace

Programs::Programs() : fill(make_program("fill")), line(make_program("line")), point(make_program("point"))
{
    const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    const float seg[] = {0, -1, 1, -1, 0, 1, 1, 1};
    this->quad = make_buffer(quad, sizeof quad);
    segment = make_buffer(seg, sizeof seg);
}

size_t GpuLayer::geometry_uploads() { return g_geometry_uploads.load(); }

GpuLayer::GpuLayer(const LayerMesh& mesh)
    : m_origin(mesh.origin), m_fill_feature(mesh.fill_feature), m_segment_feature(mesh.segment_feature),
      m_point_feature(mesh.point_feature), m_grid(mesh.grid), m_grid_box(mesh.grid_box), m_cell_start(mesh.cell_start)
{
    m_fill_xy = make_buffer(mesh.fill_xy.data(), mesh.fill_xy.size() * sizeof(float));
    m_segments = make_buffer(mesh.segments.data(), mesh.segments.size() * sizeof(float));
    m_points = make_buffer(mesh.points_xy.data(), mesh.points_xy.size() * sizeof(float));
    m_fill_count = static_cast<GLsizei>(mesh.fill_feature.size());
    m_segment_count = static_cast<GLsizei>(mesh.segment_feature.size());
    m_point_count = static_cast<GLsizei>(mesh.point_feature.size());
    m_fill_colour = make_buffer(nullptr, m_fill_feature.size() * 4, GL_DYNAMIC_DRAW);
    m_segment_colour = make_buffer(nullptr, m_segment_feature.size() * 4, GL_DYNAMIC_DRAW);
    m_point_colour = make_buffer(nullptr, m_point_feature.size() * 4, GL_DYNAMIC_DRAW);
    ++g_geometry_uploads;
}

void GpuLayer::set_colours(const std::vector<geo::Rgba>& colours, geo::Rgba stroke, bool polygons)
{
    auto upload = [&](const Buffer& buffer, const std::vector<uint32_t>& feature_of, bool use_stroke) {
        std::vector<geo::Rgba> expanded(feature_of.size());
        for (size_t i = 0; i < feature_of.size(); ++i)
            expanded[i] = use_stroke ? stroke : (feature_of[i] < colours.size() ? colours[feature_of[i]] : stroke);
        glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(expanded.size() * 4), expanded.data(), GL_DYNAMIC_DRAW);
    };
    upload(m_fill_colour, m_fill_feature, false);
    upload(m_segment_colour, m_segment_feature, polygons);
    upload(m_point_colour, m_point_feature, false);
}

void GpuLayer::draw(const Programs& p, const Camera& camera, const geo::LayerStyle& style) const
{
    if (!style.visible) return;
    if (!m_vaos_ready) const_cast<GpuLayer*>(this)->setup_fill(p);
    if (m_fill_count > 0) {
        glUseProgram(p.fill.id());
        uniform_common(p.fill.id(), camera, m_origin, style.opacity);
        glBindVertexArray(m_fill_vao.id());
        glDrawArrays(GL_TRIANGLES, 0, m_fill_count);
    }
    if (m_segment_count > 0 && style.stroke_width_px > 0) {
        glUseProgram(p.line.id());
        uniform_common(p.line.id(), camera, m_origin, style.opacity);
        glUniform1f(glGetUniformLocation(p.line.id(), "u_width"), style.stroke_width_px);
        glBindVertexArray(m_line_vao.id());
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_segment_count);
    }
    if (m_point_count > 0) {
        glUseProgram(p.point.id());
        uniform_common(p.point.id(), camera, m_origin, style.opacity);
        glUniform1f(glGetUniformLocation(p.point.id(), "u_size"), style.point_size_px);
        const geo::Rgba s = style.stroke;
        glUniform4f(glGetUniformLocation(p.point.id(), "u_stroke"), (s & 0xFF) / 255.f, ((s >> 8) & 0xFF) / 255.f,
                    ((s >> 16) & 0xFF) / 255.f, 1.f);
        glBindVertexArray(m_point_vao.id());
        draw_visible_points(camera, style.point_size_px);
    }
    glBindVertexArray(0);
}

void GpuLayer::draw_visible_points(const Camera& camera, float size_px) const
{
    // The visible box, relative to the origin and grown by a sprite, in grid cells.
    const geo::Envelope v = camera.visible();
    const double pad = size_px * camera.metres_per_pixel();
    const double w = std::max(m_grid_box.width(), 1e-9) / m_grid, h = std::max(m_grid_box.height(), 1e-9) / m_grid;
    auto cell = [&](double value, double min, double size) {
        return std::clamp(static_cast<int>(std::floor((value - min) / size)), 0, m_grid - 1);
    };
    const double x0 = v.min_x - m_origin.x - pad, x1 = v.max_x - m_origin.x + pad;
    const double y0 = v.min_y - m_origin.y - pad, y1 = v.max_y - m_origin.y + pad;
    if (m_grid == 0 || x1 < m_grid_box.min_x || x0 > m_grid_box.max_x || y1 < m_grid_box.min_y || y0 > m_grid_box.max_y) return;
    const int c0 = cell(x0, m_grid_box.min_x, w), c1 = cell(x1, m_grid_box.min_x, w);
    const int r0 = cell(y0, m_grid_box.min_y, h), r1 = cell(y1, m_grid_box.min_y, h);
    if (c0 == 0 && c1 == m_grid - 1 && r0 == 0 && r1 == m_grid - 1) {
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, m_point_count);  // everything is in view
        return;
    }
    // One run per row of cells. OpenGL 3.3 has no base instance, so the per-instance
    // attributes are pointed at the run's first sprite instead.
    for (int r = r0; r <= r1; ++r) {
        const uint32_t first = m_cell_start[static_cast<size_t>(r * m_grid + c0)];
        const uint32_t last = m_cell_start[static_cast<size_t>(r * m_grid + c1 + 1)];
        if (last == first) continue;
        glBindBuffer(GL_ARRAY_BUFFER, m_points.id());
        glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 0, reinterpret_cast<const void*>(size_t{first} * 8));
        glBindBuffer(GL_ARRAY_BUFFER, m_point_colour.id());
        glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, reinterpret_cast<const void*>(size_t{first} * 4));
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(last - first));
    }
    glBindBuffer(GL_ARRAY_BUFFER, m_points.id());
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, m_point_colour.id());
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
}

void GpuLayer::setup_fill(const Programs& p)
{
    // Vertex arrays reference the shared corner buffers, so they are built on first draw.
    m_fill_vao = make_vertex_array();
    glBindVertexArray(m_fill_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_fill_xy.id());
    attribute(0, 2, GL_FLOAT, false, 0, 0, 0);
    glBindBuffer(GL_ARRAY_BUFFER, m_fill_colour.id());
    attribute(1, 4, GL_UNSIGNED_BYTE, true, 0, 0, 0);

    m_line_vao = make_vertex_array();
    glBindVertexArray(m_line_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, p.segment.id());
    attribute(0, 2, GL_FLOAT, false, 0, 0, 0);
    glBindBuffer(GL_ARRAY_BUFFER, m_segments.id());
    attribute(1, 2, GL_FLOAT, false, 16, 0, 1);
    attribute(2, 2, GL_FLOAT, false, 16, 8, 1);
    glBindBuffer(GL_ARRAY_BUFFER, m_segment_colour.id());
    attribute(3, 4, GL_UNSIGNED_BYTE, true, 0, 0, 1);

    m_point_vao = make_vertex_array();
    glBindVertexArray(m_point_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, p.quad.id());
    attribute(0, 2, GL_FLOAT, false, 0, 0, 0);
    glBindBuffer(GL_ARRAY_BUFFER, m_points.id());
    attribute(1, 2, GL_FLOAT, false, 0, 0, 1);
    glBindBuffer(GL_ARRAY_BUFFER, m_point_colour.id());
    attribute(2, 4, GL_UNSIGNED_BYTE, true, 0, 0, 1);
    glBindVertexArray(0);
    m_vaos_ready = true;
}

}  // namespace render
