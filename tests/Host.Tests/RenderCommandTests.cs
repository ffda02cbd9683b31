namespace LvaeLive.Host.Tests;

public sealed class RenderCommandTests
{
    [Fact]
    public void AMissingVulkanDriverGetsOneLineNamingThePackageAndTheVariables()
    {
        var png = Path.Combine(Path.GetTempPath(), $"lvae-no-driver-{Environment.ProcessId}.png");
        // Both names the loader reads (the old and the new), pointing at a manifest that does not exist.
        var missing = Path.Combine(Path.GetTempPath(), "no-such-vulkan-driver.json");
        var result = LvaeProcess.RunWith(new Dictionary<string, string> { ["VK_DRIVER_FILES"] = missing, ["VK_ICD_FILENAMES"] = missing },
            "render", "--demo", "--out", png);

        Assert.Equal(2, result.ExitCode);
        // Debug builds (the tests') also forward the loader's own messages ("vulkan: ...") from the debug messenger.
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith("vulkan: ", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1, $"expected one line on stderr, got:\n{result.Error}");
        Assert.StartsWith("lvae: ", lines[0]);
        Assert.Contains("mesa-vulkan-drivers", lines[0]);
        Assert.Contains("VK_DRIVER_FILES", lines[0]);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void TheDemoCanvasIsWrittenAsAPng()
    {
        var png = Path.Combine(Path.GetTempPath(), $"lvae-demo-{Environment.ProcessId}.png");
        try
        {
            var result = LvaeProcess.Run("render", "--demo", "--out", png, "--size", "800x600");
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("800x600", result.Output);
            // PNG signature.
            Assert.Equal([0x89, 0x50, 0x4e, 0x47], File.ReadAllBytes(png)[..4]);
        }
        finally
        {
            File.Delete(png);
        }
    }
}
