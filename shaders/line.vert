#version 330 core
// Lines and outlines: one instance per segment, expanded to a quad of u_width pixels, with
// ends extended by half the width so that consecutive segments join without gaps.
layout(location = 0) in vec2 a_corner;  // x: 0 at a, 1 at b; y: -1 or 1 across the line
layout(location = 1) in vec2 a_from;
layout(location = 2) in vec2 a_to;
layout(location = 3) in vec4 a_colour;
uniform mat3 u_clip;
uniform vec2 u_viewport;  // pixels
uniform float u_width;    // pixels
uniform float u_opacity;
out vec4 v_colour;
void main()
{
    vec2 p0 = (u_clip * vec3(a_from, 1.0)).xy;
    vec2 p1 = (u_clip * vec3(a_to, 1.0)).xy;
    vec2 px = (p1 - p0) * u_viewport * 0.5;
    vec2 dir = length(px) > 1e-6 ? normalize(px) : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    vec2 offset_px = normal * a_corner.y * 0.5 * u_width + dir * (a_corner.x * 2.0 - 1.0) * 0.5 * u_width;
    vec2 p = mix(p0, p1, a_corner.x) + offset_px * 2.0 / u_viewport;
    gl_Position = vec4(p, 0.0, 1.0);
    v_colour = vec4(a_colour.rgb, a_colour.a * u_opacity);
}
