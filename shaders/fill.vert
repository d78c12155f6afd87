#version 330 core
// Polygon fills: triangles in working-CRS metres relative to the layer origin.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_colour;
uniform mat3 u_clip;
uniform float u_opacity;
out vec4 v_colour;
void main()
{
    gl_Position = vec4((u_clip * vec3(a_position, 1.0)).xy, 0.0, 1.0);
    v_colour = vec4(a_colour.rgb, a_colour.a * u_opacity);
}
