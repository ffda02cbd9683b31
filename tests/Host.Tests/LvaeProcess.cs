using System.Diagnostics;

namespace LvaeLive.Host.Tests;

/// <summary>Runs the built `lvae` program as a user would, and captures what it prints.</summary>
internal static class LvaeProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "LvaeLive.sln"))) return dir.FullName;
            throw new InvalidOperationException("tests must run inside the repository");
        }
    }

    /// <summary>A user error: exit code 2 and one line on stderr, "lvae: ..." containing <paramref name="expected"/>.</summary>
    public static void AssertOneLineError(Result result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{result.Error}");
        Assert.StartsWith("lvae: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }

    public static Result Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs lvae with these environment variables set (added to, or replacing, the test's own).</summary>
    public static Result RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lvae.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lvae {string.Join(' ', args)} did not finish within 5 minutes");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
