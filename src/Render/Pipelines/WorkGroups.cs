namespace LvaeLive.Render.Pipelines;

public static class WorkGroups
{
    /// <summary>Work groups to cover <paramref name="count"/> items with groups of <paramref name="groupSize"/>, rounded up (shaders bounds-check).</summary>
    public static uint Cover(int count, int groupSize) => count <= 0 ? 0 : (uint)((count + groupSize - 1) / groupSize);
}
