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

RasterLayer::RasterLayer(const geo::Raster& r, geo::Coord origin) : m_origin(origin), m_program(make_program("textured_quad", "raster"))
{
    update(r);
}

void RasterLayer::update(const geo::Raster& r)
{
    m_quad.upload(r.grid.extent(), m_origin, GL_R32F, static_cast<int>(r.grid.cols), static_cast<int>(r.grid.rows), GL_RED, GL_FLOAT,
                  r.values.data());
}

void RasterLayer::draw(const Camera& camera, geo::Ramp ramp, float min_value, float max_value, float opacity) const
{
    glUseProgram(m_program.id());
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
    m_quad.draw(m_program, camera, m_origin, "u_values");
}

}  // namespace render
