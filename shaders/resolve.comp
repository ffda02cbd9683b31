#version 450
#extension GL_GOOGLE_include_directive : require
// Turns the splat accumulation into colour over the map's plot area (mean class colour, opacity growing with
// density), then draws the fading trail of the current latents and their markers on top.
#include "canvas.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

layout(push_constant) uniform ResolvePush
{
    ivec2 origin;
    ivec2 size;
    float density;
    uint trailOffset;
    int trailCount;
    uint markerOffset;
    int markerCount;
    float trailWidth;
    float markerRadius;
    uint trailColour;
    uint markerColour;
    uint markerRing;
} push;

float segmentDistance(vec2 p, vec2 a, vec2 b)
{
    vec2 ab = b - a;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
    return length(p - (a + t * ab));
}

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
    uint cell = uint(local.y * push.size.x + local.x) * 4u;
    uint weight = splatWords[cell + 3u];
    if (weight > 0u)
    {
        vec3 mean = vec3(splatWords[cell], splatWords[cell + 1u], splatWords[cell + 2u]) / (255.0 * float(weight));
        colour = mix(colour, mean, 1.0 - exp(-push.density * float(weight)));
    }

    // The trail: oldest segment faintest.
    vec2 p = vec2(local) + 0.5;
    vec4 trail = unpackColour(push.trailColour);
    for (int i = 0; i + 1 < push.trailCount; i++)
    {
        float coverage = clamp(push.trailWidth * 0.5 + 0.5 - segmentDistance(p, pointAt(push.trailOffset, i), pointAt(push.trailOffset, i + 1)), 0.0, 1.0);
        colour = mix(colour, trail.rgb, coverage * trail.a * float(i + 1) / float(push.trailCount - 1));
    }

    // Markers: a filled dot inside a light ring.
    vec3 fill = unpackColour(push.markerColour).rgb;
    vec3 ring = unpackColour(push.markerRing).rgb;
    for (int i = 0; i < push.markerCount; i++)
    {
        float d = length(p - pointAt(push.markerOffset, i));
        colour = mix(colour, ring, clamp(push.markerRadius + 0.5 - d, 0.0, 1.0));
        colour = mix(colour, fill, clamp(push.markerRadius - 1.5 - d, 0.0, 1.0));
    }
    imageStore(canvasImage, pixel, vec4(colour, 1.0));
}
