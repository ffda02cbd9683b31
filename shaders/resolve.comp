#version 450
#extension GL_GOOGLE_include_directive : require
// Turns the map accumulation into colour over the map's plot area: the splats (mean class colour, opacity growing
// with density), then the trail coverage that trail.comp left; CanvasRenderer runs it once for each, so that the map
// can be kept between frames and the trail blended over it. markers.comp draws the markers on top.
#include "canvas.glsl"

// The same buffer as splatWords (binding 3), read a pixel's four sums at a time: one vector load, not four.
layout(set = 0, binding = 3, std430) readonly buffer SplatCells { uvec4 splatCells[]; };

// One invocation per BLOCK x BLOCK block of the plot: blocks that splat.comp and trail.comp left unflagged hold
// nothing to blend, so their pixels are never read. lavapipe pays for every pixel an invocation visits, so this is
// where the pass saves its time.
layout(local_size_x = 8, local_size_y = 8) in;

layout(push_constant) uniform ResolvePush
{
    ivec2 origin;
    ivec2 size;
    float density;
    uint coverageOffset;
    uint trailColour;
} push;

void resolvePixel(ivec2 local, ivec2 limit)
{
    ivec2 pixel = push.origin + local;
    if (any(greaterThanEqual(pixel, limit)))
        return;

    uint index = uint(local.y * push.size.x + local.x);
    // A density of 0 blends the trail alone over a map resolved earlier and kept (CanvasRenderer's map layer): the
    // sums are then not read, and may be stale.
    uvec4 sums = push.density > 0.0 ? splatCells[index] : uvec4(0u);
    uint weight = sums.w;
    uint level = splatWords[push.coverageOffset + index];
    // Empty pixels inside a flagged block: every blend below would leave the pixel as it is, so skip its image access.
    if (weight == 0u && level == 0u)
        return;

    vec3 colour = imageLoad(canvasImage, pixel).rgb;
    if (weight > 0u)
    {
        vec3 mean = vec3(sums.rgb) / (255.0 * float(weight));
        colour = mix(colour, mean, 1.0 - exp(-push.density * float(weight)));
    }

    vec4 trail = unpackColour(push.trailColour);
    colour = mix(colour, trail.rgb, trail.a * float(level) / 65535.0);
    imageStore(canvasImage, pixel, vec4(colour, 1.0));
}

void main()
{
    ivec2 low = ivec2(gl_GlobalInvocationID.xy) * BLOCK;
    if (any(greaterThanEqual(low, push.size)) || splatWords[blockFlagIndex(push.size, low)] == 0u)
        return;
    ivec2 high = min(low + BLOCK, push.size);
    ivec2 limit = imageSize(canvasImage);
    for (int y = low.y; y < high.y; y++)
        for (int x = low.x; x < high.x; x++)
            resolvePixel(ivec2(x, y), limit);
}
