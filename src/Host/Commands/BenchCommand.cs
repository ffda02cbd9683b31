using System.CommandLine;

namespace LvaeLive.Host.Commands;

/// <summary>`lvae bench ...`: each benchmark prints a table; none of them is a test.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed and memory and print a table.");
        bench.Subcommands.Add(BenchTrainCommand.Create());
        bench.Subcommands.Add(BenchLiveCommand.Create());
        bench.Subcommands.Add(BenchRenderCommand.Create());
        bench.Subcommands.Add(BenchEvalCommand.Create());
        return bench;
    }
}
