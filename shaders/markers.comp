#version 450
#extension GL_GOOGLE_include_directive : require
// The current latents' markers on the map (a filled dot inside a light ring), one work-group layer per marker over
// its own box. Where boxes overlap, only the first marker's layer writes the pixel, blending every marker in order,
// so each pixel has one writer.
#include "canvas.glsl"

layout(local_size_x = 8, local_size_y = 8) in;

layout(push_constant) uniform MarkersPush
{
    ivec2 origin;
    ivec2 size;
    uint pointOffset;
    int pointCount;
    float radius;
    uint fillColour;
    uint ringColour;
} push;

vec2 markerAt(int index)
{
    uint word = push.pointOffset + uint(index * 2);
    return vec2(frameFloat(word), frameFloat(word + 1u));
}

// The pixels a marker can ink, [boxLow, boxHigh): at most MarkersPipeline.BoxSide wide. Clamped as floats so that
// markers far off the map never overflow an int.
ivec2 boxLow(vec2 centre) { return ivec2(clamp(floor(centre - (push.radius + 0.5)), vec2(0.0), vec2(push.size))); }

ivec2 boxHigh(vec2 centre) { return ivec2(clamp(ceil(centre + (push.radius + 0.5)), vec2(0.0), vec2(push.size))); }

bool inBox(ivec2 local, vec2 centre) { return all(greaterThanEqual(local, boxLow(centre))) && all(lessThan(local, boxHigh(centre))); }

void main()
{
    int marker = int(gl_WorkGroupID.z);
    if (marker >= push.pointCount)
        return;
    vec2 centre = markerAt(marker);
    ivec2 local = boxLow(centre) + ivec2(gl_GlobalInvocationID.xy);
    if (!inBox(local, centre))
        return;
    for (int earlier = 0; earlier < marker; earlier++)
        if (inBox(local, markerAt(earlier)))
            return;
    ivec2 pixel = push.origin + local;
    if (any(greaterThanEqual(pixel, imageSize(canvasImage))))
        return;

    vec3 colour = imageLoad(canvasImage, pixel).rgb;
    vec3 fill = unpackColour(push.fillColour).rgb;
    vec3 ring = unpackColour(push.ringColour).rgb;
    vec2 p = vec2(local) + 0.5;
    for (int i = 0; i < push.pointCount; i++)
    {
        float d = length(p - markerAt(i));
        colour = mix(colour, ring, clamp(push.radius + 0.5 - d, 0.0, 1.0));
        colour = mix(colour, fill, clamp(push.radius - 1.5 - d, 0.0, 1.0));
    }
    imageStore(canvasImage, pixel, vec4(colour, 1.0));
}
