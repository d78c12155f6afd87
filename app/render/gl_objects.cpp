#include "render/gl_objects.h"

#include <stdexcept>
#include <vector>

namespace render {

void delete_buffer(GLuint id) { glDeleteBuffers(1, &id); }
void delete_vertex_array(GLuint id) { glDeleteVertexArrays(1, &id); }
void delete_program(GLuint id) { glDeleteProgram(id); }

Buffer make_buffer(const void* data, size_t bytes, GLenum usage)
{
    GLuint id = 0;
    glGenBuffers(1, &id);
    glBindBuffer(GL_ARRAY_BUFFER, id);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, usage);
    return Buffer(id);
}

VertexArray make_vertex_array()
{
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}

namespace {

GLuint compile(GLenum type, const std::string& name)
{
    const char* src = shader_source(name);
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &len);
        std::vector<char> log(static_cast<size_t>(len) + 1);
        glGetShaderInfoLog(s, len, nullptr, log.data());
        glDeleteShader(s);
        throw std::runtime_error("shader " + name + " does not compile: " + log.data());
    }
    return s;
}

}  // namespace

Program make_program(const std::string& name) { return make_program(name, name); }

Program make_program(const std::string& vertex, const std::string& fragment)
{
    const std::string name = vertex == fragment ? vertex : vertex + "+" + fragment;
    GLuint vs = compile(GL_VERTEX_SHADER, vertex + ".vert");
    GLuint fs = compile(GL_FRAGMENT_SHADER, fragment + ".frag");
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        glDeleteProgram(p);
        throw std::runtime_error("shader program " + name + " does not link: " + log);
    }
    return Program(p);
}

}  // namespace render
