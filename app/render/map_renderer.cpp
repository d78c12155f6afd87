#include "render/map_renderer.h"

namespace render {

MapRenderer::MapRenderer() = default;

void MapRenderer::begin(int w, int h, geo::Rgba bg)
{
    glViewport(0, 0, w, h);
    glClearColor((bg & 0xFF) / 255.f, ((bg >> 8) & 0xFF) / 255.f, ((bg >> 16) & 0xFF) / 255.f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
}

void MapRenderer::draw(const GpuLayer& layer, const Camera& camera, const geo::LayerStyle& style) const
{
    layer.draw(m_programs, camera, style);
}

void MapRenderer::finish() { glFinish(); }

std::string MapRenderer::describe()
{
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string(renderer ? renderer : "?") + ", OpenGL " + (version ? version : "?");
}

}  // namespace render
