// Bindings shared by every canvas pipeline (one descriptor set layout; see CanvasBindings.cs) and small helpers.
#ifndef CANVAS_GLSL
#define CANVAS_GLSL

layout(set = 0, binding = 0, rgba8) uniform image2D canvasImage;
// Per-frame data written by the host into a persistently mapped buffer: floats as bits, ints, packed colours. Read
// as texels: lavapipe gathers texel fetches as vectors but reads a storage buffer one invocation at a time.
layout(set = 0, binding = 1) uniform usamplerBuffer frameData;
// Glyph coverage bytes, four to a word (GlyphAtlas.cs).
layout(set = 0, binding = 2, std430) readonly buffer GlyphData { uint glyphWords[]; };
// Map accumulation: per plot pixel, weighted sums of red, green, blue (0..255) and the weight; after those, per plot
// pixel, the trail's coverage (TrailPipeline.CoverageOffset).
layout(set = 0, binding = 3, std430) buffer SplatData { uint splatWords[]; };

// After the splat sums and the trail coverage, one word per BLOCK x BLOCK block of plot pixels, non-zero where
// splat.comp or trail.comp touched the block: resolve.comp skips the rest (most of the map). The host sizes the
// buffer to match (ResolvePipeline.BlockCount).
const int BLOCK = 8;
const uint MAP_WORDS_PER_PIXEL = 5u;

uint blockFlagIndex(ivec2 size, ivec2 pixel)
{
    int blocksAcross = (size.x + BLOCK - 1) / BLOCK;
    return uint(size.x * size.y) * MAP_WORDS_PER_PIXEL + uint((pixel.y / BLOCK) * blocksAcross + pixel.x / BLOCK);
}

void markBlock(ivec2 size, ivec2 pixel) { splatWords[blockFlagIndex(size, pixel)] = 1u; }

// NaN and infinity show in this colour wherever they appear in the data.
const vec3 INVALID_COLOUR = vec3(1.0, 0.0, 1.0);

uint frameWord(uint index) { return texelFetch(frameData, int(index)).r; }

float frameFloat(uint index) { return uintBitsToFloat(frameWord(index)); }

// An exponent of all ones means NaN or infinity; tested on the bits so that no float optimisation can drop it.
bool isInvalid(float value) { return (floatBitsToUint(value) & 0x7f800000u) == 0x7f800000u; }

vec4 unpackColour(uint rgba) { return unpackUnorm4x8(rgba); }

// Straight alpha "over" onto the opaque canvas.
void blendPixel(ivec2 pixel, vec3 colour, float alpha)
{
    vec4 below = imageLoad(canvasImage, pixel);
    imageStore(canvasImage, pixel, vec4(mix(below.rgb, colour, clamp(alpha, 0.0, 1.0)), 1.0));
}

#endif
