namespace LvaeLive.Host.Loop;

/// <summary>What a key asks of the frame loop itself rather than of the scene.</summary>
internal enum LoopRequest { None, ToggleRecording, Screenshot, ToggleFullscreen, LeaveFullscreen, Quit }
