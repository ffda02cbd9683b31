#version 450
#extension GL_GOOGLE_include_directive : require
// Turns the map accumulation into colour over the map's plot area: the splats (mean class colour, opacity growing
// with density), then the trail coverage that trail.comp left. markers.comp draws the markers on top.
#include "canvas.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

layout(push_constant) uniform ResolvePush
{
    ivec2 origin;
    ivec2 size;
    float density;
    uint coverageOffset;
    uint trailColour;
} push;

void main()
{
    ivec2 local = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(local, push.size)))
        return;
    ivec2 pixel = push.origin + local;
    if (any(greaterThanEqual(pixel, imageSize(canvasImage))))
        return;

    uint index = uint(local.y * push.size.x + local.x);
    uint cell = index * 4u;
    uint weight = splatWords[cell + 3u];
    uint level = splatWords[push.coverageOffset + index];
    // Most of the map is empty, where every blend below would leave the pixel as it is: skip its image access.
    if (weight == 0u && level == 0u)
        return;

    vec3 colour = imageLoad(canvasImage, pixel).rgb;
    if (weight > 0u)
    {
        vec3 mean = vec3(splatWords[cell], splatWords[cell + 1u], splatWords[cell + 2u]) / (255.0 * float(weight));
        colour = mix(colour, mean, 1.0 - exp(-push.density * float(weight)));
    }

    vec4 trail = unpackColour(push.trailColour);
    colour = mix(colour, trail.rgb, trail.a * float(level) / 65535.0);
    imageStore(canvasImage, pixel, vec4(colour, 1.0));
}
