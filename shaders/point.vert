#version 330 core
// Points as instanced sprites of u_size pixels, whatever the zoom.
layout(location = 0) in vec2 a_corner;  // -1..1
layout(location = 1) in vec2 a_position;
layout(location = 2) in vec4 a_colour;
uniform mat3 u_clip;
uniform vec2 u_viewport;
uniform float u_size;
uniform float u_opacity;
out vec4 v_colour;
out vec2 v_corner;
void main()
{
    vec2 centre = (u_clip * vec3(a_position, 1.0)).xy;
    gl_Position = vec4(centre + a_corner * u_size / u_viewport, 0.0, 1.0);
    v_colour = vec4(a_colour.rgb, a_colour.a * u_opacity);
    v_corner = a_corner;
}
