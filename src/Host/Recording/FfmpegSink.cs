using System.ComponentModel;
using System.Diagnostics;
using LvaeLive.Files;

namespace LvaeLive.Host.Recording;

/// <summary>
/// Pipes frames into one ffmpeg process, which writes the temporary of a <see cref="PendingFile"/>, committed once
/// ffprobe reads it back. It owns the process: the recorder thread writes and finishes; Abandon may come from another
/// thread to stop a stalled ffmpeg.
/// </summary>
internal sealed class FfmpegSink : IFrameSink
{
    private readonly Process _process;
    private readonly StderrTail _stderr = new();
    private readonly PendingFile _file;
    private readonly string _ffprobe;
    private readonly TimeSpan _finishTimeout;

    private FfmpegSink(Process process, PendingFile file, RecorderOptions options)
    {
        _process = process;
        _file = file;
        _ffprobe = options.FfprobePath;
        _finishTimeout = options.FinishTimeout;
        process.ErrorDataReceived += (_, line) => _stderr.Add(line.Data);
        process.BeginErrorReadLine();
    }

    public string Description => $"{_file.Path} (ffmpeg)";

    /// <summary>Starts ffmpeg, or returns null when the executable cannot be started (not installed), so the caller can fall back.</summary>
    public static FfmpegSink? TryStart(string ffmpeg, RecordingFormat format, string output, int width, int height, int fps, RecorderOptions options)
    {
        var file = new PendingFile(output);
        // Creating the file here finds an unwritable folder now, with a clear message, instead of as a broken pipe later.
        File.Create(file.TemporaryPath).Dispose();
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in FfmpegArguments.For(format, width, height, fps, options.EncoderThreads, file.TemporaryPath))
            start.ArgumentList.Add(argument);
        try
        {
            return new FfmpegSink(Process.Start(start)!, file, options);
        }
        catch (Win32Exception)
        {
            file.Dispose();
            return null;
        }
    }

    public void Write(ReadOnlySpan<byte> rgba)
    {
        try
        {
            _process.StandardInput.BaseStream.Write(rgba);
        }
        catch (IOException e)
        {
            // A broken pipe means ffmpeg stopped reading; its stderr says why (a full disk, a bad option).
            throw new IOException($"ffmpeg stopped taking frames ({e.Message}): {Outcome().Reason}", e);
        }
    }

    public string Finish()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException e)
        {
            throw new IOException($"ffmpeg failed while finishing ({e.Message}): {Outcome().Reason}", e);
        }
        var (succeeded, reason) = Outcome();
        if (!succeeded)
            throw new IOException($"ffmpeg failed: {reason}");
        if (VideoCheck.Problem(_ffprobe, _file.TemporaryPath, _finishTimeout) is { } problem)
            throw new IOException($"ffmpeg exited normally but left an unusable file: {problem}; ffmpeg said: {_stderr}");
        _file.Commit();
        return _file.Path;
    }

    public void Abandon()
    {
        Kill();
        _file.Dispose();
    }

    public void Dispose() => _process.Dispose();

    /// <summary>Waits (bounded) for ffmpeg to exit and says how it ended, with the last lines of its stderr.</summary>
    private (bool Succeeded, string Reason) Outcome()
    {
        if (!_process.WaitForExit(_finishTimeout))
        {
            Kill();
            return (false, $"ffmpeg did not finish within {_finishTimeout.TotalSeconds:0} s and was stopped; stderr: {_stderr}");
        }
        _process.WaitForExit(); // It has exited: this only drains the rest of its stderr.
        return _process.ExitCode == 0
            ? (true, "ffmpeg exited normally")
            : (false, $"ffmpeg exited with code {_process.ExitCode}; stderr: {_stderr}");
    }

    private void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited (or already disposed after finishing): nothing left to stop.
        }
    }
}
