namespace LvaeLive.Host.Recording;

/// <summary>
/// What <see cref="RecordingControl"/> drives: <see cref="Recorder"/>, or in tests an encoder whose pace is set on the
/// test's frame clock.
/// </summary>
internal interface IRecorder
{
    bool IsRecording { get; }

    /// <summary>The latest line about recording.</summary>
    string Status { get; }

    /// <summary>Starts a recording; false, with the reason on <see cref="Status"/>, when its output cannot be written.</summary>
    bool Start(string path, int fps, int width, int height);

    /// <summary>Hands a frame to the encoder without waiting; false when it was dropped or the recording has ended.</summary>
    bool Submit(ReadOnlySpan<byte> rgba, int width, int height);

    RecordingResult Stop(CancellationToken cancel = default);

    bool TryReadMessage(out string message);
}
