#include "render/raster_layer.h"

namespace render {

std::array<geo::Rgba, 5> ramp_stops(geo::Ramp ramp)
{
    std::array<geo::Rgba, 5> out{};
    for (int i = 0; i < 5; ++i) out[static_cast<size_t>(i)] = geo::ramp_colour(ramp, i / 4.0);
    return out;
}

int RasterLayer::max_texture_size()
{
    GLint n = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &n);
    return n;
}

RasterLayer::RasterLayer(const geo::Raster& r, geo::Coord origin) : m_origin(origin), m_program(make_program("raster"))
{
    m_vao = make_vertex_array();
    glGenTextures(1, &m_texture);
    update(r);
}

void RasterLayer::update(const geo::Raster& r)
{
    const geo::Coord origin = m_origin;
    const geo::Envelope e = r.grid.extent();
    const float x0 = static_cast<float>(e.min_x - origin.x), x1 = static_cast<float>(e.max_x - origin.x);
    const float y0 = static_cast<float>(e.min_y - origin.y), y1 = static_cast<float>(e.max_y - origin.y);
    // Row 0 of the raster is the north edge: v = 0 at the top.
    const float quad[] = {x0, y0, 0, 1, x1, y0, 1, 1, x0, y1, 0, 0, x1, y1, 1, 0};
    m_quad = make_buffer(quad, sizeof quad);
    glBindVertexArray(m_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_quad.id());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 16, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 16, reinterpret_cast<const void*>(8));
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, static_cast<GLsizei>(r.grid.cols), static_cast<GLsizei>(r.grid.rows), 0, GL_RED,
                 GL_FLOAT, r.values.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

RasterLayer::~RasterLayer()
{
    if (m_texture) glDeleteTextures(1, &m_texture);
}

void RasterLayer::draw(const Camera& camera, geo::Ramp ramp, float min_value, float max_value, float opacity) const
{
    glUseProgram(m_program.id());
    const auto m = camera.clip_matrix(m_origin);
    glUniformMatrix3fv(glGetUniformLocation(m_program.id(), "u_clip"), 1, GL_FALSE, m.data());
    glUniform1f(glGetUniformLocation(m_program.id(), "u_min"), min_value);
    glUniform1f(glGetUniformLocation(m_program.id(), "u_max"), max_value);
    glUniform1f(glGetUniformLocation(m_program.id(), "u_opacity"), opacity);
    float stops[15];
    const auto colours = ramp_stops(ramp);
    for (int i = 0; i < 5; ++i) {
        stops[3 * i] = (colours[static_cast<size_t>(i)] & 0xFF) / 255.f;
        stops[3 * i + 1] = ((colours[static_cast<size_t>(i)] >> 8) & 0xFF) / 255.f;
        stops[3 * i + 2] = ((colours[static_cast<size_t>(i)] >> 16) & 0xFF) / 255.f;
    }
    glUniform3fv(glGetUniformLocation(m_program.id(), "u_ramp"), 5, stops);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glUniform1i(glGetUniformLocation(m_program.id(), "u_values"), 0);
    glBindVertexArray(m_vao.id());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
}

}  // namespace render
