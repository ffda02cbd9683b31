using System.CommandLine;

namespace LvaeLive.Host.Commands;

/// <summary>
/// Runs the parsed command line and turns the failures a user can fix (bad files, bad options, missing packages) into
/// one line on stderr and a non-zero exit code; anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandRunner
{
    public const int UserErrorExitCode = 2;

    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            return root.Parse(args).Invoke();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"lvae: {e.Message}");
            return UserErrorExitCode;
        }
    }

    /// <summary>The exception types that the rooms throw for input a user can correct; their messages say how.</summary>
    public static bool IsUserError(Exception e) => e is InvalidDataException or IOException
        or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException;
}
