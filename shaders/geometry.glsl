// Distances for anti-aliased strokes, shared by the trail and curves shaders.
#ifndef GEOMETRY_GLSL
#define GEOMETRY_GLSL

// Distance from p to the segment a-b (to the nearer end beyond its ends).
float segmentDistance(vec2 p, vec2 a, vec2 b)
{
    vec2 ab = b - a;
    float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-6), 0.0, 1.0);
    return length(p - (a + t * ab));
}

#endif
