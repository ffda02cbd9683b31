using System.CommandLine;
using LvaeLive.Model.Checkpoints;

namespace LvaeLive.Host.Commands;

/// <summary>`--pretrained`: the model shipped in models/, as an alternative to naming a checkpoint.</summary>
internal static class PretrainedOption
{
    public static Option<bool> Create() =>
        new("--pretrained") { Description = $"The LVAE shipped in {ShippedModel.Folder} (200 epochs, see its README.md), instead of a --checkpoint." };

    /// <summary>
    /// The checkpoints a command works on: the shipped model first when <paramref name="pretrained"/> is given, then
    /// those named by --checkpoint.
    /// </summary>
    public static string[] Checkpoints(ParseResult parsed, Option<bool> pretrained, string[] named) =>
        parsed.GetValue(pretrained) ? [ShippedModel.Locate(), .. named] : named;
}
