#pragma once
// Move-only owners of OpenGL objects. Every GL call of the program lives under app/render.
#include <string>
#include <utility>

#include <epoxy/gl.h>

namespace render {

template <void (*Delete)(GLuint)> class GlHandle {
public:
    GlHandle() = default;
    explicit GlHandle(GLuint id) : m_id(id) {}
    ~GlHandle() { reset(); }
    GlHandle(GlHandle&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
    GlHandle& operator=(GlHandle&& o) noexcept
    {
        if (this != &o) {
            reset();
            m_id = std::exchange(o.m_id, 0);
        }
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;
    GLuint id() const { return m_id; }
    void reset()
    {
        if (m_id) Delete(m_id);
        m_id = 0;
    }

private:
    GLuint m_id = 0;
};

void delete_buffer(GLuint id);
void delete_vertex_array(GLuint id);
void delete_program(GLuint id);

using Buffer = GlHandle<delete_buffer>;
using VertexArray = GlHandle<delete_vertex_array>;
using Program = GlHandle<delete_program>;

Buffer make_buffer(const void* data, size_t bytes, GLenum usage = GL_STATIC_DRAW);
VertexArray make_vertex_array();
// Compiles and links shaders/NAME.vert and NAME.frag (embedded at build time); throws
// std::runtime_error with the driver's log on failure.
Program make_program(const std::string& name);
// The same from shaders/VERTEX.vert and FRAGMENT.frag (programs that share a vertex shader).
Program make_program(const std::string& vertex, const std::string& fragment);

// Embedded shader sources (generated from shaders/).
const char* shader_source(const std::string& name);

}  // namespace render
