namespace LvaeLive.Host.Recording;

/// <summary>How a recording ended: where it went (null when nothing was kept), what was written and dropped, and why.</summary>
internal sealed record RecordingResult(string? Path, int FramesWritten, int FramesDropped, bool Succeeded, string Message);
