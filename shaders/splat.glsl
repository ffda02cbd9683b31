// Additive splatting of map points into the accumulation buffer: each point adds its class colour with a 3x3 kernel
// of integer weights (1 2 1) x (1 2 1), so overlapping points sum to density. Points arrive already in plot pixels.
// Included by splat.comp and, with SPLAT_INT64 defined, by splat64.comp: one 64-bit atomic adds red and green,
// another blue and the weight. No word's sum can carry into its neighbour: at most 255 * 16 per point, and
// CanvasLimits.MaxMapPoints (20,000) of them stay far below 2^32.
#ifndef SPLAT_GLSL
#define SPLAT_GLSL
#include "canvas.glsl"

#ifdef SPLAT_INT64
// The same buffer as splatWords (binding 3), as pairs of words: little-endian, so the low half is the even word.
layout(set = 0, binding = 3, std430) buffer SplatPairs { uint64_t splatPairs[]; };
#endif

layout(local_size_x = 64) in;

layout(push_constant) uniform SplatPush
{
    ivec2 size;
    uint pointOffset;
    int pointCount;
    uint paletteOffset;
    int paletteCount;
    uint invalidColour;
} push;

void main()
{
    int index = int(gl_GlobalInvocationID.x);
    if (index >= push.pointCount)
        return;
    uint word = push.pointOffset + uint(index * 3);
    vec2 position = vec2(frameFloat(word), frameFloat(word + 1u));
    int label = int(frameWord(word + 2u));
    // The host counts points with invalid coordinates and reports them in the legend.
    if (isInvalid(position.x) || isInvalid(position.y))
        return;
    uint rgba = label >= 0 && label < push.paletteCount ? frameWord(push.paletteOffset + uint(label)) : push.invalidColour;
    uvec3 colour = uvec3(unpackColour(rgba).rgb * 255.0 + 0.5);

    ivec2 centre = ivec2(floor(position));
    // The kernel's pixels inside the plot lie in at most four blocks: flag those of the clipped box's corners.
    ivec2 low = max(centre - 1, ivec2(0));
    ivec2 high = min(centre + 1, push.size - 1);
    if (any(greaterThan(low, high)))
        return;
    markBlock(push.size, low);
    markBlock(push.size, ivec2(high.x, low.y));
    markBlock(push.size, ivec2(low.x, high.y));
    markBlock(push.size, high);
    for (int dy = -1; dy <= 1; dy++)
    {
        for (int dx = -1; dx <= 1; dx++)
        {
            ivec2 pixel = centre + ivec2(dx, dy);
            if (any(lessThan(pixel, ivec2(0))) || any(greaterThanEqual(pixel, push.size)))
                continue;
            uint weight = uint((2 - abs(dx)) * (2 - abs(dy)));
            uint cell = uint(pixel.y * push.size.x + pixel.x) * 4u;
#ifdef SPLAT_INT64
            atomicAdd(splatPairs[cell >> 1u], packUint2x32(uvec2(colour.r, colour.g) * weight));
            atomicAdd(splatPairs[(cell >> 1u) + 1u], packUint2x32(uvec2(colour.b * weight, weight)));
#else
            atomicAdd(splatWords[cell], colour.r * weight);
            atomicAdd(splatWords[cell + 1u], colour.g * weight);
            atomicAdd(splatWords[cell + 2u], colour.b * weight);
            atomicAdd(splatWords[cell + 3u], weight);
#endif
        }
    }
}

#endif
