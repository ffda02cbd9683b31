using System.Runtime.InteropServices;

namespace LvaeLive.Shaders.Pipelines;

/// <summary>A GLSL ivec2 in a push-constant block.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct Int2(int X, int Y);
