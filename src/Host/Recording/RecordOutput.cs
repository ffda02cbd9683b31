using LvaeLive.Host.Loop;
using LvaeLive.Host.Recording;
using LvaeLive.Render.Targets;
using LvaeLive.Shaders.Canvas;

namespace LvaeLive.Host.Recording;

/// <summary>
/// `lvae record`'s output: every frame is drawn offscreen, read back and handed to the recorder, which must take it
/// (its options make it wait for the encoder and fail rather than drop: <see cref="RecorderOptions.EveryFrame"/>). As
/// the loop's input it ends the run when a frame was not taken or the recording ended on its own (a full disk); the
/// recorder's Stop then says why.
/// </summary>
internal sealed class RecordOutput(HeadlessCanvas canvas, Recorder recorder) : ICanvasOutput, IInputSource
{
    private readonly byte[] _pixels = new byte[OffscreenTarget.ByteCount(canvas.Target.Extent)];
    private bool _lost;

    public int Width => (int)canvas.Target.Extent.Width;
    public int Height => (int)canvas.Target.Extent.Height;
    public bool RecordingIndicator { set { } }

    public bool Render(CanvasFrame frame, bool readBack)
    {
        canvas.Target.ReadPixels(canvas.Submit(frame, readBack: true), _pixels);
        _lost |= !recorder.Submit(_pixels, Width, Height);
        return true;
    }

    public bool TryReadPixels(Span<byte> rgba)
    {
        _pixels.CopyTo(rgba);
        return true;
    }

    public bool Poll() => !_lost && recorder.IsRecording;
}
