#version 450
#extension GL_GOOGLE_include_directive : require
// A grid of 28x28 images, bilinearly upscaled to the tile size and coloured by a colour map. Tiles come in groups of
// groupColumns side by side (1 for the digit grid, 2 for input/reconstruction pairs) with a wider gap between groups.
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

void main()
{
    ivec2 local = ivec2(gl_GlobalInvocationID.xy);
    int groupWidth = push.groupColumns * push.tileSize.x + (push.groupColumns - 1) * push.gap + push.groupGap;
    int group = local.x / groupWidth;
    int inGroup = local.x - group * groupWidth;
    int columnInGroup = inGroup / (push.tileSize.x + push.gap);
    int x = inGroup - columnInGroup * (push.tileSize.x + push.gap);
    int row = local.y / (push.tileSize.y + push.gap);
    int y = local.y - row * (push.tileSize.y + push.gap);
    int column = group * push.groupColumns + columnInGroup;
    if (columnInGroup >= push.groupColumns || x >= push.tileSize.x || y >= push.tileSize.y || column >= push.columns || row >= push.rows)
        return;
    int index = row * push.columns + column;
    ivec2 pixel = push.origin + local;
    if (index >= push.imageCount || any(greaterThanEqual(pixel, imageSize(canvasImage))))
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
