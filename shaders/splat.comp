#version 450
#extension GL_GOOGLE_include_directive : require
// Additive splatting of map points into the accumulation buffer with 32-bit atomics, four per kernel pixel; see
// splat.glsl. splat64.comp does the same with half the atomics where the device has 64-bit ones.
#include "splat.glsl"
