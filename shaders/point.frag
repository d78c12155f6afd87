#version 330 core
// A filled disc with a thin outline in u_stroke, antialiased at the edge.
in vec4 v_colour;
in vec2 v_corner;
uniform vec4 u_stroke;
uniform float u_size;
out vec4 o_colour;
void main()
{
    float r = length(v_corner);
    float pixel = 2.0 / max(u_size, 1.0);
    if (r > 1.0) discard;
    float edge = 1.0 - smoothstep(1.0 - pixel, 1.0, r);
    float ring = smoothstep(1.0 - 2.5 * pixel, 1.0 - 1.5 * pixel, r);
    vec4 c = mix(v_colour, vec4(u_stroke.rgb, v_colour.a), u_size >= 5.0 ? ring : 0.0);
    o_colour = vec4(c.rgb, c.a * edge);
}
