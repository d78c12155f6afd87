#pragma once
// An RGBA image over an extent of the working CRS (the basemap) on the GPU: one texture and
// one quad, replaced when a new image arrives; drawn at an opacity.
#include <cstdint>
#include <vector>

#include "geo/core/envelope.h"
#include "render/camera.h"
#include "render/gl_objects.h"
#include "render/textured_quad.h"

namespace render {

class ImageLayer {
public:
    explicit ImageLayer(geo::Coord origin);

    // `rgba`: width x height pixels, row 0 at the north edge of `extent`.
    void update(const std::vector<uint8_t>& rgba, int width, int height, const geo::Envelope& extent);
    void draw(const Camera& camera, float opacity) const;

private:
    geo::Coord m_origin;
    Program m_program;
    TexturedQuad m_quad;
    bool m_loaded = false;
};

}  // namespace render
