#version 450
#extension GL_GOOGLE_include_directive : require
// One plot: grid lines at the ticks, then each series as an anti-aliased polyline. Series share the plot's y range
// and spread their samples over its full width. A non-finite sample marks its column band in the invalid colour.
#include "canvas.glsl"
#include "geometry.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

layout(push_constant) uniform CurvesPush
{
    ivec2 origin;
    ivec2 size;
    uint seriesOffset;
    int seriesCount;
    float yMin;
    float yMax;
    float lineWidth;
    uint gridColour;
    float xTickStart;
    float xTickStep;
    float yTickStart;
    float yTickStep;
} push;

float sampleY(uint offset, int index)
{
    float value = frameFloat(offset + uint(index));
    return float(push.size.y - 1) - (value - push.yMin) / (push.yMax - push.yMin) * float(push.size.y - 1);
}

bool onTick(float coordinate, float start, float step)
{
    if (step <= 0.0)
        return false;
    float k = round((coordinate - start) / step);
    return k >= 0.0 && abs(coordinate - (start + k * step)) < 0.5;
}

void main()
{
    ivec2 local = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(local, push.size)))
        return;
    ivec2 pixel = push.origin + local;
    if (any(greaterThanEqual(pixel, imageSize(canvasImage))))
        return;

    vec3 colour = imageLoad(canvasImage, pixel).rgb;
    vec4 grid = unpackColour(push.gridColour);
    if (onTick(float(local.x), push.xTickStart, push.xTickStep) || onTick(float(local.y), push.yTickStart, push.yTickStep))
        colour = mix(colour, grid.rgb, grid.a);

    vec2 p = vec2(local);
    // Pixels within this distance of a line are (partly) inked.
    float reach = push.lineWidth * 0.5 + 0.5;
    float width = float(max(push.size.x - 1, 1));
    for (int s = 0; s < push.seriesCount; s++)
    {
        uint entry = push.seriesOffset + uint(s * 3);
        uint offset = frameWords[entry];
        int count = int(frameWords[entry + 1u]);
        vec4 seriesColour = unpackColour(frameWords[entry + 2u]);
        if (count <= 0)
            continue;
        float samplesPerPixel = float(max(count - 1, 1)) / width;
        float t = p.x * samplesPerPixel;
        if (isInvalid(frameFloat(offset + uint(clamp(int(round(t)), 0, count - 1)))))
        {
            colour = mix(colour, INVALID_COLOUR, 0.55);
            continue;
        }
        // A curve is a function of x: only the segments whose x span (segment i from i / samplesPerPixel to
        // (i + 1) / samplesPerPixel) comes within `reach` of this column can ink it.
        int first = max(int(floor((p.x - reach) * samplesPerPixel)), 0);
        int last = min(int(floor((p.x + reach) * samplesPerPixel)), count - 2);
        float distance = 1e9;
        for (int i = first; i <= last; i++)
        {
            float y0 = sampleY(offset, i);
            float y1 = sampleY(offset, i + 1);
            if (isInvalid(y0) || isInvalid(y1))
                continue;
            distance = min(distance, segmentDistance(p, vec2(float(i) / samplesPerPixel, y0), vec2(float(i + 1) / samplesPerPixel, y1)));
        }
        if (count == 1)
            distance = length(p - vec2(0.0, sampleY(offset, 0)));
        colour = mix(colour, seriesColour.rgb, seriesColour.a * clamp(reach - distance, 0.0, 1.0));
    }
    imageStore(canvasImage, pixel, vec4(colour, 1.0));
}
