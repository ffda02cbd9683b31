using System.Diagnostics;

namespace LvaeLive.Model.Tests.Interop;

/// <summary>
/// Runs the repository's PyTorch package (python/lvaelive) under Debian's Python, whose python3-torch (PyTorch 1.13,
/// with gloo) `scripts/setup.sh --test` installs. Shared by Model.Tests and Host.Tests (linked into both).
/// </summary>
internal static class PyTorchPackage
{
    /// <summary>Debian's interpreter by its full path: apt's python3-torch serves it, not a pyenv or venv python3 on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public sealed record Result(string Command, int ExitCode, string Output, string Error)
    {
        public Result Succeeded()
        {
            Assert.True(ExitCode == 0, $"`{Command}` exited with {ExitCode}:\n{Output}\n{Error}");
            return this;
        }
    }

    /// <summary>`python3 -m lvaelive.MODULE ARGS` (or any module, such as torch.distributed.run) from the repository root.</summary>
    public static Result Run(string repository, string module, params string[] args)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: run scripts/setup.sh --test, which installs python3-torch");
        var start = new ProcessStartInfo(Python) { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-m");
        start.ArgumentList.Add(module.StartsWith("torch.") ? module : $"lvaelive.{module}");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PYTHONPATH"] = Path.Combine(repository, "python");
        // One thread per process, as the C# tests use: two cores are shared with the test host.
        start.Environment["OMP_NUM_THREADS"] = "1";
        var command = $"{Python} {string.Join(' ', start.ArgumentList)}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`{command}` did not finish within {Timeout.TotalMinutes} minutes");
        }
        process.WaitForExit();
        return new Result(command, process.ExitCode, output.Result, error.Result);
    }
}
