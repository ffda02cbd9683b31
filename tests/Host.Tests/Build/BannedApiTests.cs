using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LvaeLive.Host.Tests.Build;

/// <summary>
/// The banned-API analyzer that keeps the machine's clock in WallClock (src/Files/Time) fails the build of any project
/// in the repository, and WallClock is the one place that silences it.
/// </summary>
public sealed partial class BannedApiTests
{
    [Fact]
    public void ReadingTheClockOutsideTheExemptionFailsTheBuild()
    {
        // A project under the repository's root takes its Directory.Build.props and Directory.Packages.props, as ours do.
        var probe = Path.Combine(LvaeProcess.RepositoryRoot, $".banned-api-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(probe);
        try
        {
            File.WriteAllText(Path.Combine(probe, "Probe.csproj"), """<Project Sdk="Microsoft.NET.Sdk" />""");
            File.WriteAllLines(Path.Combine(probe, "Probe.cs"),
            [
                "public static class Probe",
                "{",
                "    public static long Banned() => System.Diagnostics.Stopwatch.GetTimestamp() + System.DateTime.Now.Ticks + System.DateTime.UtcNow.Ticks + System.DateTime.Today.Ticks + System.DateTimeOffset.Now.Ticks + System.DateTimeOffset.UtcNow.Ticks + System.Environment.TickCount + System.Environment.TickCount64 + System.TimeProvider.System.GetTimestamp();",
                "#pragma warning disable RS0030 // The way WallClock is exempted.",
                "    public static long Exempt() => System.Diagnostics.Stopwatch.GetTimestamp() + System.DateTime.Now.Ticks;",
                "#pragma warning restore RS0030",
                "}",
            ]);
            var (exitCode, output) = Build(probe);

            Assert.True(exitCode != 0, output);
            var banned = BannedCall().Matches(output).Select(m => (Line: int.Parse(m.Groups["line"].Value), Symbol: m.Groups["symbol"].Value)).Distinct().ToArray();
            Assert.True(banned.Length == 9, output);
            Assert.All(banned, call => Assert.Equal(3, call.Line));
            Assert.Equal(["DateTime.Now", "DateTime.Today", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
                "Environment.TickCount", "Environment.TickCount64", "Stopwatch", "TimeProvider.System"],
                banned.Select(call => call.Symbol).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }

    [Fact]
    public void OnlyWallClockSilencesTheBan()
    {
        // A pragma, a [SuppressMessage], a <NoWarn> or an .editorconfig severity: each names RS0030. Besides the list of
        // bans itself (Directory.Build.props names it) and this test's probe, only WallClock may.
        string[] allowed = ["Directory.Build.props", "src/Files/Time/WallClock.cs", "tests/Host.Tests/Build/BannedApiTests.cs"];
        var root = LvaeProcess.RepositoryRoot;
        var naming = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or ".git" or "data" or "models" or "recordings" or "runs"))
            .Where(path => Path.GetExtension(path) is ".cs" or ".csproj" or ".props" or ".targets" or ".editorconfig" or ".globalconfig" or ".txt" or ".json")
            .Where(path => File.ReadAllText(Path.Combine(root, path)).Contains("RS0030", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(allowed, naming);
    }

    private static (int ExitCode, string Output) Build(string project)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "build", "-nologo", "-v", "q", "-clp:NoSummary" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the probe's build did not finish within 5 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    // e.g. Probe.cs(3,36): error RS0030: The symbol 'Stopwatch' is banned in this project: ...
    [GeneratedRegex(@"Probe\.cs\((?<line>\d+),\d+\): error RS0030: The symbol '(?<symbol>[^']+)' is banned")]
    private static partial Regex BannedCall();
}
