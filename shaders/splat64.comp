#version 450
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
#extension GL_EXT_shader_atomic_int64 : require
// splat.comp with one 64-bit atomic per two channels (see splat.glsl); SplatPipeline picks it where
// GpuContext.BufferInt64Atomics.
#define SPLAT_INT64
#include "splat.glsl"
