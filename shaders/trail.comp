#version 450
#extension GL_GOOGLE_include_directive : require
// The fading trail of the current latents, rasterised one segment per work-group layer (z): x and y cover the
// segment's bounding box (clipped to the map), not the whole map. Each map pixel keeps the strongest coverage of any
// segment (atomicMax), so segments need no order and joints never blend twice. The resolve pass blends the result.
#include "canvas.glsl"
#include "geometry.glsl"

layout(local_size_x = 8, local_size_y = 8) in;

layout(push_constant) uniform TrailPush
{
    ivec2 size;
    uint pointOffset;
    int pointCount;
    float width;
    uint coverageOffset;
} push;

vec2 pointAt(int index)
{
    uint word = push.pointOffset + uint(index * 2);
    return vec2(frameFloat(word), frameFloat(word + 1u));
}

void main()
{
    int segment = int(gl_WorkGroupID.z);
    if (segment + 1 >= push.pointCount)
        return;
    vec2 a = pointAt(segment);
    vec2 b = pointAt(segment + 1);
    // The same clipped box as TrailPipeline.SegmentBox, which sized the dispatch; clamped as floats so that points
    // far off the map never overflow an int.
    float reach = push.width * 0.5 + 0.5;
    ivec2 low = ivec2(clamp(floor(min(a, b) - reach), vec2(0.0), vec2(push.size)));
    ivec2 high = ivec2(clamp(ceil(max(a, b) + reach), vec2(0.0), vec2(push.size)));
    ivec2 pixel = low + ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(pixel, high)))
        return;

    // Oldest segment faintest; 16 bits of coverage are finer than the 8-bit canvas.
    float coverage = clamp(reach - segmentDistance(vec2(pixel) + 0.5, a, b), 0.0, 1.0);
    float fade = float(segment + 1) / float(push.pointCount - 1);
    uint level = uint(coverage * fade * 65535.0 + 0.5);
    if (level > 0u)
    {
        atomicMax(splatWords[push.coverageOffset + uint(pixel.y * push.size.x + pixel.x)], level);
        markBlock(push.size, pixel);
    }
}
