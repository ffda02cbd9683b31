using System.CommandLine;
using LvaeLive.Model.Checkpoints;

namespace LvaeLive.Host.Commands;

/// <summary>`--pretrained`: the model shipped in models/, as an alternative to naming a checkpoint.</summary>
internal static class PretrainedOption
{
    public static Option<bool> Create() =>
        new("--pretrained")
        {
            Description = $"The LVAE shipped in {ShippedModel.Folder} (see models/README.md), instead of a --checkpoint; " +
                $"with --race alone, it races the VAE shipped in {ShippedModel.VaeFolder}.",
        };

    /// <summary>
    /// The checkpoints a command works on: the shipped model first when <paramref name="pretrained"/> is given, then
    /// those named by --checkpoint. A race of the shipped model and nothing named races the two shipped models, the
    /// VAE first as in every race.
    /// </summary>
    public static string[] Checkpoints(ParseResult parsed, Option<bool> pretrained, string[] named, bool racing = false) =>
        !parsed.GetValue(pretrained) ? named
        : racing && named.Length == 0 ? [ShippedModel.LocateVae(), ShippedModel.Locate()]
        : [ShippedModel.Locate(), .. named];
}
