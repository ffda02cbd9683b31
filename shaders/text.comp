#version 450
#extension GL_GOOGLE_include_directive : require
// Glyphs composited from the atlas: one work group per 8x8 block of a glyph cell, z = the glyph instance. Instances
// are (x, y) of the cell's top-left corner, glyph index, colour; all of one dispatch share one face (font size).
#include "canvas.glsl"

layout(local_size_x = 8, local_size_y = 8) in;

layout(push_constant) uniform TextPush
{
    uint instanceOffset;
    int instanceCount;
    int cellWidth;
    int cellHeight;
    int rowPitch;
    uint atlasOffset;
} push;

float coverage(int glyph, int x, int y)
{
    uint byteIndex = push.atlasOffset + uint(y * push.rowPitch + glyph * push.cellWidth + x);
    return float((glyphWords[byteIndex >> 2u] >> ((byteIndex & 3u) * 8u)) & 0xffu) / 255.0;
}

void main()
{
    int instance = int(gl_GlobalInvocationID.z);
    ivec2 inCell = ivec2(gl_GlobalInvocationID.xy);
    if (instance >= push.instanceCount || inCell.x >= push.cellWidth || inCell.y >= push.cellHeight)
        return;
    uint word = push.instanceOffset + uint(instance * 4);
    ivec2 pixel = ivec2(int(frameWord(word)), int(frameWord(word + 1u))) + inCell;
    if (any(lessThan(pixel, ivec2(0))) || any(greaterThanEqual(pixel, imageSize(canvasImage))))
        return;
    float alpha = coverage(int(frameWord(word + 2u)), inCell.x, inCell.y);
    vec4 colour = unpackColour(frameWord(word + 3u));
    if (alpha > 0.0)
        blendPixel(pixel, colour.rgb, alpha * colour.a);
}
