#version 450
#extension GL_GOOGLE_include_directive : require
// A grid of 28x28 images, bilinearly upscaled to the tile size and coloured by a colour map. Tiles come in groups of
// groupColumns side by side (1 for the digit grid, 2 for input/reconstruction pairs) with a wider gap between groups.
// Work group z is the tile, x and y its pixels: the tile's place is worked out once per group, not per pixel.
#include "canvas.glsl"
#include "colormap.glsl"

layout(local_size_x = 8, local_size_y = 8) in;

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

void main()
{
    int index = int(gl_WorkGroupID.z);
    int x = int(gl_GlobalInvocationID.x);
    int y = int(gl_GlobalInvocationID.y);
    if (index >= push.imageCount || x >= push.tileSize.x || y >= push.tileSize.y)
        return;
    int column = index % push.columns;
    int row = index / push.columns;
    int group = column / push.groupColumns;
    int columnInGroup = column - group * push.groupColumns;
    int groupWidth = push.groupColumns * push.tileSize.x + (push.groupColumns - 1) * push.gap + push.groupGap;
    ivec2 tileOrigin = ivec2(group * groupWidth + columnInGroup * (push.tileSize.x + push.gap), row * (push.tileSize.y + push.gap));
    ivec2 pixel = push.origin + tileOrigin + ivec2(x, y);
    if (row >= push.rows || any(greaterThanEqual(pixel, imageSize(canvasImage))))
        return;

    // Pixel centres map onto texel centres: (x + 0.5) * 28 / tile - 0.5, clamped to the edge.
    vec2 source = (vec2(x, y) + 0.5) * float(SIDE) / vec2(push.tileSize) - 0.5;
    ivec2 base = ivec2(floor(source));
    vec2 f = source - vec2(base);
    uint image = push.imageOffset + uint(index * SIDE * SIDE);
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
    imageStore(canvasImage, pixel, vec4(colour, 1.0));
}
