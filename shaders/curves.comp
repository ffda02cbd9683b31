#version 450
#extension GL_GOOGLE_include_directive : require
// One plot: grid lines at the ticks, then each series as an anti-aliased polyline. Series share the plot's y range
// and spread their samples over its full width. A non-finite sample marks its column band in the invalid colour.
// One invocation per pixel column: a curve is a function of x, so a column meets only the few segments within a
// line's reach of it, and only the rows between their lowest and highest point (plus the reach) can be inked.
#include "canvas.glsl"
#include "geometry.glsl"

layout(local_size_x = 64) in;

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

void blendRow(int x, int y, vec3 colour, float alpha)
{
    ivec2 pixel = push.origin + ivec2(x, y);
    if (y >= 0 && y < push.size.y && pixel.y < imageSize(canvasImage).y)
        blendPixel(pixel, colour, alpha);
}

void drawSeries(int x, uint entry, float reach)
{
    uint offset = frameWord(entry);
    int count = int(frameWord(entry + 1u));
    vec4 colour = unpackColour(frameWord(entry + 2u));
    // A dashed series leaves every other band of dash columns blank: two models' curves of one layer share a colour.
    uint dash = frameWord(entry + 3u);
    if (count <= 0 || (dash > 0u && (uint(x) / dash) % 2u == 1u))
        return;
    float samplesPerPixel = float(max(count - 1, 1)) / float(max(push.size.x - 1, 1));
    if (isInvalid(frameFloat(offset + uint(clamp(int(round(float(x) * samplesPerPixel)), 0, count - 1)))))
    {
        for (int y = 0; y < push.size.y; y++)
            blendRow(x, y, INVALID_COLOUR, 0.55);
        return;
    }
    // Segment i runs from sample i to sample i + 1 (a lone sample is a dot): those whose x span comes within reach.
    int first = max(int(floor((float(x) - reach) * samplesPerPixel)), 0);
    int last = min(int(floor((float(x) + reach) * samplesPerPixel)), max(count - 2, 0));
    float low = 1e9;
    float high = -1e9;
    for (int i = first; i <= last; i++)
    {
        float y0 = sampleY(offset, i);
        float y1 = sampleY(offset, min(i + 1, count - 1));
        if (isInvalid(y0) || isInvalid(y1))
            continue;
        low = min(low, min(y0, y1));
        high = max(high, max(y0, y1));
    }
    // Clamped as floats so that values far off the plot never overflow an int.
    int top = int(clamp(floor(low - reach), 0.0, float(push.size.y)));
    int bottom = int(clamp(ceil(high + reach), -1.0, float(push.size.y - 1)));
    for (int y = top; y <= bottom; y++)
    {
        vec2 p = vec2(x, y);
        float distance = 1e9;
        for (int i = first; i <= last; i++)
        {
            int next = min(i + 1, count - 1);
            float y0 = sampleY(offset, i);
            float y1 = sampleY(offset, next);
            if (isInvalid(y0) || isInvalid(y1))
                continue;
            distance = min(distance, segmentDistance(p, vec2(float(i) / samplesPerPixel, y0), vec2(float(next) / samplesPerPixel, y1)));
        }
        float coverage = colour.a * clamp(reach - distance, 0.0, 1.0);
        if (coverage > 0.0)
            blendRow(x, y, colour.rgb, coverage);
    }
}

void main()
{
    int x = int(gl_GlobalInvocationID.x);
    if (x >= push.size.x || push.origin.x + x >= imageSize(canvasImage).x)
        return;

    // Grid: the whole column on an x tick, otherwise the rows on a y tick.
    vec4 grid = unpackColour(push.gridColour);
    bool columnOnTick = onTick(float(x), push.xTickStart, push.xTickStep);
    for (int y = 0; y < push.size.y; y++)
        if (columnOnTick || onTick(float(y), push.yTickStart, push.yTickStep))
            blendRow(x, y, grid.rgb, grid.a);

    // Pixels within this distance of a line are (partly) inked.
    float reach = push.lineWidth * 0.5 + 0.5;
    for (int s = 0; s < push.seriesCount; s++)
        drawSeries(x, push.seriesOffset + uint(s * 4), reach);
}
