#include "render/textured_quad.h"

namespace render {

TexturedQuad::TexturedQuad()
{
    m_vao = make_vertex_array();
    glGenTextures(1, &m_texture);
}

TexturedQuad::~TexturedQuad()
{
    if (m_texture) glDeleteTextures(1, &m_texture);
}

void TexturedQuad::upload(const geo::Envelope& e, geo::Coord origin, GLint internal_format, int width, int height, GLenum format, GLenum type,
                          const void* pixels)
{
    const float x0 = static_cast<float>(e.min_x - origin.x), x1 = static_cast<float>(e.max_x - origin.x);
    const float y0 = static_cast<float>(e.min_y - origin.y), y1 = static_cast<float>(e.max_y - origin.y);
    // Row 0 of the texture is the north edge: v = 0 at the top.
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
    glTexImage2D(GL_TEXTURE_2D, 0, internal_format, width, height, 0, format, type, pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void TexturedQuad::draw(const Program& program, const Camera& camera, geo::Coord origin, const char* sampler) const
{
    const auto m = camera.clip_matrix(origin);
    glUniformMatrix3fv(glGetUniformLocation(program.id(), "u_clip"), 1, GL_FALSE, m.data());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glUniform1i(glGetUniformLocation(program.id(), sampler), 0);
    glBindVertexArray(m_vao.id());
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
}

}  // namespace render
