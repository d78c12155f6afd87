#pragma once
// Draws the map: clears the window and draws GPU layers in order. Needs a current OpenGL
// 3.3 core context; construct it after the window exists.
#include <memory>
#include <string>

#include "render/camera.h"
#include "render/gpu_layer.h"
#include "geo/style/layer_style.h"

namespace render {

class MapRenderer {
public:
    MapRenderer();
    void begin(int framebuffer_width, int framebuffer_height, geo::Rgba background);
    void draw(const GpuLayer& layer, const Camera& camera, const geo::LayerStyle& style) const;
    // Blocks until the GPU has finished (for honest frame timings).
    static void finish();
    // The renderer's name and OpenGL version, e.g. "llvmpipe (LLVM 15.0.6, 256 bits), 4.5 (Core Profile) Mesa 22.3.6".
    static std::string describe();

private:
    Programs m_programs;
};

}  // namespace render
