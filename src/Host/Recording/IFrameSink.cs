namespace LvaeLive.Host.Recording;

/// <summary>
/// Where recorded frames go (an ffmpeg pipe, or PNG files). Frames arrive at the recording's fixed size. The sink writes
/// under a temporary name; <see cref="Finish"/> gives the output its final name, <see cref="Abandon"/> removes it.
/// Storage failures surface as IOException.
/// </summary>
internal interface IFrameSink : IDisposable
{
    /// <summary>Where the finished output will be, and how, for messages.</summary>
    string Description { get; }

    void Write(ReadOnlySpan<byte> rgba);

    /// <summary>Completes the output and returns its final path.</summary>
    string Finish();

    /// <summary>Stops at once and deletes what was written; safe after a failure, twice, and from another thread.</summary>
    void Abandon();
}
