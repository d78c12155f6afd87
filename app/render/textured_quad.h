#pragma once
// One texture on one quad over an extent of the working CRS (coordinates relative to an
// origin, row 0 of the texture at the north edge): what the density raster, the point bins
// and the basemap image share. The program drawing it uses shaders/textured_quad.vert
// (u_clip) and samples texture unit 0.
#include "geo/core/envelope.h"
#include "render/camera.h"
#include "render/gl_objects.h"

namespace render {

class TexturedQuad {
public:
    TexturedQuad();
    ~TexturedQuad();
    TexturedQuad(const TexturedQuad&) = delete;
    TexturedQuad& operator=(const TexturedQuad&) = delete;

    // New pixels over a new extent: `format`/`type` as glTexImage2D takes them, linear filtering.
    void upload(const geo::Envelope& extent, geo::Coord origin, GLint internal_format, int width, int height, GLenum format, GLenum type,
                const void* pixels);
    // With `program` in use and its other uniforms set: u_clip for the camera, the texture on unit 0.
    void draw(const Program& program, const Camera& camera, geo::Coord origin, const char* sampler) const;

private:
    Buffer m_quad;
    VertexArray m_vao;
    GLuint m_texture = 0;
};

}  // namespace render
