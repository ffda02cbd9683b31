using System.CommandLine;
using LvaeLive.Model.Training;

namespace LvaeLive.Host.Commands;

/// <summary>
/// Runs the parsed command line and turns the failures a user can fix (unknown options, bad files, missing packages)
/// into one line on stderr and a non-zero exit code; anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandRunner
{
    public const int UserErrorExitCode = 2;

    public static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var verb = parsed.CommandResult.Command;
            var help = verb == root ? "lvae --help" : $"lvae {string.Join(' ', VerbPath(parsed))} --help";
            Console.Error.WriteLine($"lvae: {MissingVerb(parsed) ?? parsed.Errors[0].Message} (see `{help}`)");
            return UserErrorExitCode;
        }
        try
        {
            // Our own handler below tells user errors from bugs; System.CommandLine's would print every stack trace.
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"lvae: {e.Message}");
            return UserErrorExitCode;
        }
    }

    /// <summary>The exception types that the rooms throw for input a user can correct; their messages say how.</summary>
    public static bool IsUserError(Exception e) => e is InvalidDataException or IOException
        or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException or TrainingDivergedException;

    /// <summary>
    /// When the command line stops at a command that needs a verb (lvae, lvae bench), names what was given instead and
    /// lists the verbs: System.CommandLine's own first error ("Required command was not provided.") names neither.
    /// </summary>
    private static string? MissingVerb(ParseResult parsed)
    {
        var verbs = parsed.CommandResult.Command.Subcommands;
        if (verbs.Count == 0) return null;
        var list = string.Join(", ", verbs.Select(v => v.Name));
        return parsed.UnmatchedTokens.FirstOrDefault() switch
        {
            null => $"no command given; the commands are {list}",
            var option when option.StartsWith('-') => $"unknown option '{option}'; give a command first, one of {list}",
            var given => $"unknown command '{given}'; the commands are {list}",
        };
    }

    private static IEnumerable<string> VerbPath(ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Push(result.Command.Name);
        return names;
    }
}
