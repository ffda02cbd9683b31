namespace LvaeLive.Render.Targets;

/// <summary>
/// Which frame each frame-in-flight slot's read-back buffer holds. A read of a slot is valid only for the slot's latest
/// frame, and only when that frame copied into the buffer: a slot whose latest frame did not ask for read-back holds an
/// older frame (stale), and buffers re-created since the copy (a resize, a swapchain re-creation) hold nothing (fresh).
/// </summary>
public sealed class ReadBackLedger(int slots)
{
    private const long Nothing = -1;

    private readonly long[] _copied = Enumerable.Repeat(Nothing, slots).ToArray();

    /// <summary>Frame <paramref name="frame"/> recorded its copy into slot <paramref name="slot"/>'s buffer.</summary>
    public void Copied(int slot, long frame) => _copied[slot] = frame;

    /// <summary>The buffers were re-created: no slot holds a frame.</summary>
    public void Clear() => Array.Fill(_copied, Nothing);

    /// <summary>Whether slot <paramref name="slot"/>'s buffer holds frame <paramref name="frame"/>.</summary>
    public bool Holds(int slot, long frame) => frame != Nothing && _copied[slot] == frame;
}
