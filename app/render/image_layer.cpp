#include "render/image_layer.h"

namespace render {

ImageLayer::ImageLayer(geo::Coord origin) : m_origin(origin), m_program(make_program("textured_quad", "image")) {}

void ImageLayer::update(const std::vector<uint8_t>& rgba, int width, int height, const geo::Envelope& extent)
{
    m_quad.upload(extent, m_origin, GL_RGBA8, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    m_loaded = true;
}

void ImageLayer::draw(const Camera& camera, float opacity) const
{
    if (!m_loaded) return;
    glUseProgram(m_program.id());
    glUniform1f(glGetUniformLocation(m_program.id(), "u_opacity"), opacity);
    m_quad.draw(m_program, camera, m_origin, "u_image");
}

}  // namespace render
