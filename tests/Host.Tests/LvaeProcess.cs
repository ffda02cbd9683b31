using LvaeLive.Host.Tests.Processes;

namespace LvaeLive.Host.Tests;

/// <summary>Runs the built `lvae` program as a user would, from the repository root, and captures what it prints.</summary>
internal static class LvaeProcess
{
    /// <summary>Long enough for the slowest command a test runs (a short training on two shared cores).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

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
    public static void AssertOneLineError(ProcessResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{result.Error}");
        Assert.StartsWith("lvae: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }

    /// <summary>The dotnet host that runs these tests, by its full path: a test may replace lvae's PATH.</summary>
    private static string DotnetHost => Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    /// <summary>`lvae` with these arguments and these environment variables (added to, or replacing, the test's own).</summary>
    public static ProcessCommand Command(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(DotnetHost, [Path.Combine(AppContext.BaseDirectory, "lvae.dll"), .. args])
        {
            Environment = environment,
            WorkingDirectory = RepositoryRoot,
        };

    public static ProcessResult Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    public static ProcessResult RunWith(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        ProcessRunner.Run(Command(environment, args), Timeout);
}
