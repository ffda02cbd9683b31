namespace LvaeLive.Host.Tests.Processes;

/// <summary>A program to start, with its arguments, the environment variables it gets on top of the test's own, and its folder.</summary>
internal sealed record ProcessCommand(string Program, params string[] Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Where it runs; null: the test's own working folder.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The command as a person would type it, for failure messages.</summary>
    public override string ToString() => string.Join(' ', [Program, .. Arguments]);
}
