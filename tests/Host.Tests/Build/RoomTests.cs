using System.Reflection;
using System.Xml.Linq;

namespace LvaeLive.Host.Tests.Build;

/// <summary>
/// DESIGN.md's rooms: Model is TorchSharp only (its reports' pictures are drawn by Imaging, which Host hands in), and
/// Render and Shaders never see TorchSharp. Each wall is checked twice: in what a room's project file takes (packages
/// and rooms, its own and those of the projects it references), and in what its compiled assembly uses, since a
/// package can come in undeclared: TorchSharp itself depends on SkiaSharp, so Model could draw without naming it.
/// </summary>
public sealed class RoomTests
{
    /// <summary>What each room must not take: package ids (with their families, e.g. SkiaSharp.NativeAssets.*) and other rooms.</summary>
    private static readonly Dictionary<string, string[]> Walls = new()
    {
        ["Model"] = ["SkiaSharp", "ScottPlot", "HarfBuzzSharp", "Silk.NET", "Imaging", "Render", "Shaders", "Host"],
        ["Render"] = ["TorchSharp", "libtorch", "Model", "Host"],
        ["Shaders"] = ["TorchSharp", "libtorch", "Model", "Host"],
    };

    public static TheoryData<string> Rooms => [.. Walls.Keys];

    [Theory]
    [MemberData(nameof(Rooms))]
    public void ARoomsProjectTakesNothingBeyondItsWalls(string room) =>
        Assert.Empty(Breaches(Declared(ProjectFile(room)), Walls[room]));

    [Theory]
    [MemberData(nameof(Rooms))]
    public void ARoomsCompiledCodeUsesNothingBeyondItsWalls(string room) =>
        Assert.Empty(Breaches(Used(room), Walls[room]));

    [Fact]
    public void ModelsWallStopsTheRoomsThatDraw()
    {
        // The proof that the walls hold: Imaging declares SkiaSharp and ScottPlot and its code uses them; Shaders names
        // neither, and takes them through its reference to Imaging.
        Assert.Equal(["ScottPlot", "SkiaSharp", "SkiaSharp.NativeAssets.Linux.NoDependencies"], Breaches(Declared(ProjectFile("Imaging")), Walls["Model"]));
        Assert.Equal(["ScottPlot", "SkiaSharp"], Breaches(Used("Imaging"), Walls["Model"]));
        Assert.Contains("SkiaSharp", Breaches(Declared(ProjectFile("Shaders")), Walls["Model"]));
    }

    /// <summary>The names among <paramref name="names"/> that a wall stops, sorted, each once.</summary>
    private static string[] Breaches(IEnumerable<string> names, string[] wall) =>
        names.Where(name => wall.Any(stopped => name == stopped || name.StartsWith(stopped + ".") || name.StartsWith(stopped + "-")))
            .Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string ProjectFile(string room) => Path.Combine(LvaeProcess.RepositoryRoot, "src", room, $"{room}.csproj");

    /// <summary>The packages and rooms a project file takes, directly or through the projects it references, each once.</summary>
    private static IEnumerable<string> Declared(string project)
    {
        var xml = XDocument.Load(project);
        var names = xml.Descendants("PackageReference").Select(package => package.Attribute("Include")!.Value).ToList();
        foreach (var reference in xml.Descendants("ProjectReference"))
        {
            var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value));
            names.Add(Path.GetFileNameWithoutExtension(referenced));
            names.AddRange(Declared(referenced));
        }
        return names.Distinct();
    }

    /// <summary>The assemblies a room's compiled code refers to, our own rooms by their short names (LvaeLive.Imaging: Imaging).</summary>
    private static IEnumerable<string> Used(string room) =>
        Assembly.Load($"LvaeLive.{room}").GetReferencedAssemblies()
            .Select(assembly => assembly.Name!.StartsWith("LvaeLive.") ? assembly.Name["LvaeLive.".Length..] : assembly.Name);
}
