#version 330 core
// A raster or an image drawn as one textured quad in working-CRS metres relative to the layer origin.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
uniform mat3 u_clip;
out vec2 v_uv;
void main()
{
    gl_Position = vec4((u_clip * vec3(a_position, 1.0)).xy, 0.0, 1.0);
    v_uv = a_uv;
}
