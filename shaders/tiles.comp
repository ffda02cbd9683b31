#version 450
#extension GL_GOOGLE_include_directive : require
// A grid of 28x28 images, bilinearly upscaled to the tile size and coloured by a colour map. Tiles come in groups of
// groupColumns side by side (1 for the digit grid, 2 for input/reconstruction pairs) with a wider gap between groups.
// Work group z is the tile, x and y its pixels: the tile's place is worked out once per group, not per pixel.
#include "canvas.glsl"
#include "colormap.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

const int SIDE = 28;

layout(push_constant) uniform TilesPush
{
    ivec2 origin;
    ivec2 tileSize;
    int columns;
    int rows;
    int gap;
    int groupColumns;
    int groupGap;
    uint imageOffset;
    int imageCount;
    int colourMap;
    int highlight;
    int highlightWidth;
    uint highlightColour;
} push;

float texel(uint image, int x, int y)
{
    x = clamp(x, 0, SIDE - 1);
    y = clamp(y, 0, SIDE - 1);
    return frameFloat(image + uint(y * SIDE + x));
}

// One output pixel at (x, y) of the tile, whose place on the canvas is tileOrigin + (x, y).
void shadePixel(int index, uint image, int x, int y, ivec2 tileOrigin)
{
    // Pixel centres map onto texel centres: (x + 0.5) * 28 / tile - 0.5, clamped to the edge.
    vec2 source = (vec2(x, y) + 0.5) * float(SIDE) / vec2(push.tileSize) - 0.5;
    ivec2 base = ivec2(floor(source));
    vec2 f = source - vec2(base);
    float a = texel(image, base.x, base.y);
    float b = texel(image, base.x + 1, base.y);
    float c = texel(image, base.x, base.y + 1);
    float d = texel(image, base.x + 1, base.y + 1);
    vec3 colour = isInvalid(a) || isInvalid(b) || isInvalid(c) || isInvalid(d)
        ? INVALID_COLOUR
        : applyColourMap(push.colourMap, mix(mix(a, b, f.x), mix(c, d, f.x), f.y));

    int edge = min(min(x, y), min(push.tileSize.x - 1 - x, push.tileSize.y - 1 - y));
    if (index == push.highlight && edge < push.highlightWidth)
        colour = unpackColour(push.highlightColour).rgb;
    imageStore(canvasImage, tileOrigin + ivec2(x, y), vec4(colour, 1.0));
}

void main()
{
    // One work group per tile (work group z), its invocations striding over the tile's pixels: lavapipe pays a
    // fixed cost per work group that is larger than the work of a few dozen pixels.
    int index = int(gl_WorkGroupID.z);
    if (index >= push.imageCount)
        return;
    int column = index % push.columns;
    int row = index / push.columns;
    if (row >= push.rows)
        return;
    int group = column / push.groupColumns;
    int columnInGroup = column - group * push.groupColumns;
    int groupWidth = push.groupColumns * push.tileSize.x + (push.groupColumns - 1) * push.gap + push.groupGap;
    ivec2 tileOrigin = push.origin + ivec2(group * groupWidth + columnInGroup * (push.tileSize.x + push.gap), row * (push.tileSize.y + push.gap));
    ivec2 limit = min(push.tileSize, imageSize(canvasImage) - tileOrigin);
    uint image = push.imageOffset + uint(index * SIDE * SIDE);
    ivec2 stride = ivec2(gl_WorkGroupSize.xy);
    for (int y = int(gl_LocalInvocationID.y); y < limit.y; y += stride.y)
        for (int x = int(gl_LocalInvocationID.x); x < limit.x; x += stride.x)
            shadePixel(index, image, x, y, tileOrigin);
}
