#version 450
#extension GL_GOOGLE_include_directive : require
// A rounded rectangle with a fill (straight alpha) and a border: panel backgrounds, legend swatches, the help overlay.
#include "canvas.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

layout(push_constant) uniform PanelPush
{
    ivec2 origin;
    ivec2 size;
    uint fillColour;
    uint borderColour;
    float cornerRadius;
    float borderWidth;
} push;

void main()
{
    ivec2 local = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(local, push.size)))
        return;
    ivec2 pixel = push.origin + local;
    if (any(greaterThanEqual(pixel, imageSize(canvasImage))) || any(lessThan(pixel, ivec2(0))))
        return;

    // Signed distance to the rounded rectangle's edge, negative inside.
    vec2 halfSize = vec2(push.size) * 0.5;
    vec2 fromCentre = abs(vec2(local) + 0.5 - halfSize);
    float radius = min(push.cornerRadius, min(halfSize.x, halfSize.y));
    vec2 corner = fromCentre - (halfSize - radius);
    float distance = length(max(corner, 0.0)) + min(max(corner.x, corner.y), 0.0) - radius;

    float inside = clamp(0.5 - distance, 0.0, 1.0);
    vec4 fill = unpackColour(push.fillColour);
    vec4 border = unpackColour(push.borderColour);
    float onBorder = push.borderWidth > 0.0 ? clamp(distance + push.borderWidth + 0.5, 0.0, 1.0) : 0.0;
    vec4 colour = mix(fill, border, onBorder);
    if (inside * colour.a > 0.0)
        blendPixel(pixel, colour.rgb, inside * colour.a);
}
