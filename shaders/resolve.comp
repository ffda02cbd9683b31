#version 450
#extension GL_GOOGLE_include_directive : require
// Turns the map accumulation into colour over the map's plot area: the splats (mean class colour, opacity growing
// with density), then the trail coverage that trail.comp left, then the current latents' markers on top.
#include "canvas.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

layout(push_constant) uniform ResolvePush
{
    ivec2 origin;
    ivec2 size;
    float density;
    uint coverageOffset;
    uint markerOffset;
    int markerCount;
    float markerRadius;
    uint trailColour;
    uint markerColour;
    uint markerRing;
} push;

vec2 pointAt(uint offset, int index)
{
    uint word = offset + uint(index * 2);
    return vec2(frameFloat(word), frameFloat(word + 1u));
}

void main()
{
    ivec2 local = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(local, push.size)))
        return;
    ivec2 pixel = push.origin + local;
    if (any(greaterThanEqual(pixel, imageSize(canvasImage))))
        return;

    vec3 colour = imageLoad(canvasImage, pixel).rgb;
    uint index = uint(local.y * push.size.x + local.x);
    uint cell = index * 4u;
    uint weight = splatWords[cell + 3u];
    if (weight > 0u)
    {
        vec3 mean = vec3(splatWords[cell], splatWords[cell + 1u], splatWords[cell + 2u]) / (255.0 * float(weight));
        colour = mix(colour, mean, 1.0 - exp(-push.density * float(weight)));
    }

    vec4 trail = unpackColour(push.trailColour);
    colour = mix(colour, trail.rgb, trail.a * float(splatWords[push.coverageOffset + index]) / 65535.0);

    // Markers: a filled dot inside a light ring.
    vec3 fill = unpackColour(push.markerColour).rgb;
    vec3 ring = unpackColour(push.markerRing).rgb;
    vec2 p = vec2(local) + 0.5;
    for (int i = 0; i < push.markerCount; i++)
    {
        float d = length(p - pointAt(push.markerOffset, i));
        colour = mix(colour, ring, clamp(push.markerRadius + 0.5 - d, 0.0, 1.0));
        colour = mix(colour, fill, clamp(push.markerRadius - 1.5 - d, 0.0, 1.0));
    }
    imageStore(canvasImage, pixel, vec4(colour, 1.0));
}
