#pragma once
// A float raster (a density surface) on the GPU: uploaded once as an R32F texture; its ramp,
// range and opacity are uniforms, so restyling costs nothing.
#include <array>

#include "geo/density/raster.h"
#include "render/camera.h"
#include "render/gl_objects.h"
#include "render/textured_quad.h"
#include "geo/style/layer_style.h"

namespace render {

class RasterLayer {
public:
    RasterLayer(const geo::Raster& raster, geo::Coord origin);
    RasterLayer(const RasterLayer&) = delete;
    RasterLayer& operator=(const RasterLayer&) = delete;

    void draw(const Camera& camera, geo::Ramp ramp, float min_value, float max_value, float opacity) const;
    // New values and extent (the point bins after a camera move): the texture and quad are
    // uploaded again, the shader program is kept.
    void update(const geo::Raster& raster);
    // The largest texture side this GL allows (rasters beyond it are refused by the caller).
    static int max_texture_size();

private:
    geo::Coord m_origin;
    Program m_program;
    TexturedQuad m_quad;
};

// The five colours of a ramp (used by the shader and the legend).
std::array<geo::Rgba, 5> ramp_stops(geo::Ramp ramp);

}  // namespace render
