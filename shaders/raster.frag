#version 330 core
// Colours a float raster on the fly: value -> [0, 1] between u_min and u_max -> a ramp of
// five stops. Cells at or below u_min are transparent, so the map shows through where
// nothing is; a change of ramp or range is only new uniforms.
in vec2 v_uv;
uniform sampler2D u_values;
uniform float u_min;
uniform float u_max;
uniform float u_opacity;
uniform vec3 u_ramp[5];
out vec4 o_colour;
void main()
{
    float v = texture(u_values, v_uv).r;
    if (v <= u_min || v == -9999.0) discard;
    float t = clamp((v - u_min) / max(u_max - u_min, 1e-12), 0.0, 1.0) * 4.0;
    int i = int(min(floor(t), 3.0));
    vec3 c = mix(u_ramp[i], u_ramp[i + 1], t - float(i));
    o_colour = vec4(c, u_opacity * min(1.0, t * 2.0));  // t runs 0..4: opaque from an eighth of the range
}
