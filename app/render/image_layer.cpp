#include "render/image_layer.h"

namespace render {

ImageLayer::ImageLayer(geo::Coord origin) : m_origin(origin), m_program(make_program("image"))
{
    m_vao = make_vertex_array();
    glGenTextures(1, &m_texture);
}

ImageLayer::~ImageLayer()
{
    if (m_texture) glDeleteTextures(1, &m_texture);
}

void ImageLayer::update(const std::vector<uint8_t>& rgba, int width, int height, const geo::Envelope& e)
{
    const float x0 = static_cast<float>(e.min_x - m_origin.x), x1 = static_cast<float>(e.max_x - m_origin.x);
    const float y0 = static_cast<float>(e.min_y - m_origin.y), y1 = static_cast<float>(e.max_y - m_origin.y);
    const float quad[] = {x0, y0, 0, 1, x1, y0, 1, 1, x0, y1, 0, 0, x1, y1, 1, 0};  // row 0 (v = 0) at the north edge
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
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    m_loaded = true;
}

void ImageLayer::draw(const Camera& camera, float opacity) const
{
    if (!m_loaded) return;
    glUseProgram(m_program.id());
    const auto m = camera.clip_matrix(m_origin);
    glUniformMatrix3fv(glGetUniformLocation(m_program.id(), "u_clip"), 1, GL_FALSE, m.data());
    glUniform1f(glGetUniformLocation(m_program.id(), "u_opacity"), opacity);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glUniform1i(glGetUniformLocation(m_program.id(), "u_image"), 0);
    glBindVertexArray(m_vao.id());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
}

}  // namespace render
