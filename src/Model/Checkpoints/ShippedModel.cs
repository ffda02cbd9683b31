using LvaeLive.Files;

namespace LvaeLive.Model.Checkpoints;

/// <summary>
/// The LVAE that ships with the program in models/ (see its README.md): exported weights that `--pretrained` opens
/// at once. Its files are checked before anything loads them, so that a missing or damaged one is named with the way
/// to get it back.
/// </summary>
public static class ShippedModel
{
    public const string Folder = "models/lvae-mnist";
    /// <summary>The VAE trained on the same recipe and length: what the LVAE races against in `--race --pretrained`.</summary>
    public const string VaeFolder = "models/vae-mnist";
    /// <summary>
    /// Where bookmarks made on the shipped model are kept: a run folder of the user's, so that the committed model's
    /// folder stays as it was checked out.
    /// </summary>
    public const string BookmarkFolder = "runs/pretrained";
    private const string Restore = "restore it with `git checkout models/`";

    /// <summary>The shipped model's folder, here or in the repository the program was built in, after checking its files.</summary>
    public static string Locate() => Verified(RepositoryPath.Locate(Folder));

    /// <summary>The shipped VAE's folder, found and checked as <see cref="Locate"/> finds the LVAE's.</summary>
    public static string LocateVae() => Verified(RepositoryPath.Locate(VaeFolder));

    /// <summary><paramref name="folder"/>, once its index and weights are found whole.</summary>
    public static string Verified(string folder)
    {
        // A program copied out of the repository and started elsewhere finds no folder at all: not a file to restore.
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"the shipped model's folder {folder} is neither in the working folder nor above the program: run lvae from the repository's folder, or {Restore}");
        var index = Path.Combine(folder, CheckpointStore.IndexFile);
        if (!File.Exists(index)) throw new FileNotFoundException($"the shipped model's {index} is missing: {Restore}");
        CheckpointInfo info;
        try
        {
            info = CheckpointStore.ReadInfo(folder).Info;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"the shipped model's {index} is damaged: {Restore} ({e.Message})", e);
        }
        var weights = Path.Combine(folder, info.WeightsFile);
        if (!File.Exists(weights)) throw new FileNotFoundException($"the shipped model's {weights} is missing: {Restore}");
        if (!string.Equals(CheckpointStore.Sha256(weights), info.WeightsSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"the shipped model's {weights} is damaged (its SHA-256 is not the one in {CheckpointStore.IndexFile}): {Restore}");
        return folder;
    }
}
