namespace LvaeLive.Render.Frames;

/// <summary>GPU time of one named pass of a frame (see <see cref="FrameSlot.MarkPass"/>).</summary>
public readonly record struct PassTime(string Name, double Milliseconds);
