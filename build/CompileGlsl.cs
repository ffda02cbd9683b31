#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Compiles GLSL compute shaders to SPIR-V with glslc (unoptimised: -O strips the member names that the push-constant
// layout test reads; drivers optimise anyway), only where the .spv is older than its source or any file the
// source #includes (read from the depfile that glslc -MD wrote on the previous compile).
public sealed class CompileGlsl : Task
{
    [Required] public ITaskItem[] Sources { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string OutputDirectory { get; set; } = "";
    public string Glslc { get; set; } = "glslc";

    [Output] public ITaskItem[] SpirvFiles { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        Directory.CreateDirectory(OutputDirectory);
        var outputs = new List<ITaskItem>();
        foreach (var source in Sources)
        {
            var sourcePath = source.GetMetadata("FullPath");
            var spirvPath = Path.Combine(OutputDirectory, source.GetMetadata("Filename") + ".spv");
            var depfilePath = spirvPath + ".d";
            if (IsStale(sourcePath, spirvPath, depfilePath) && !Compile(sourcePath, spirvPath, depfilePath))
                continue;
            var item = new TaskItem(spirvPath);
            item.SetMetadata("LogicalName", "LvaeLive.Shaders.Spirv." + source.GetMetadata("Filename") + ".spv");
            outputs.Add(item);
        }
        SpirvFiles = outputs.ToArray();
        return !Log.HasLoggedErrors;
    }

    private static bool IsStale(string sourcePath, string spirvPath, string depfilePath)
    {
        if (!File.Exists(spirvPath) || !File.Exists(depfilePath))
            return true;
        var built = File.GetLastWriteTimeUtc(spirvPath);
        return Dependencies(depfilePath).Append(sourcePath).Any(path => !File.Exists(path) || File.GetLastWriteTimeUtc(path) > built);
    }

    // A depfile reads "out.spv: a.comp b.glsl" with backslash-continued lines; paths here never hold spaces.
    private static IEnumerable<string> Dependencies(string depfilePath)
    {
        var text = File.ReadAllText(depfilePath).Replace("\\\n", " ");
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? Enumerable.Empty<string>() : text.Substring(colon + 2).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private bool Compile(string sourcePath, string spirvPath, string depfilePath)
    {
        // Task factories compile against netstandard2.0, which has no ArgumentList; every argument is quoted.
        var arguments = new[] { "--target-env=vulkan1.1", "-Werror", "-MD", "-MF", depfilePath, "-o", spirvPath, sourcePath };
        var start = new ProcessStartInfo(Glslc, string.Join(" ", arguments.Select(a => "\"" + a + "\"")))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException)
        {
            Log.LogError("glslc was not found ({0}); it compiles the shaders in shaders/. Install the Debian package 'glslc' (apt-get install glslc) or run scripts/setup.sh.", e.Message);
            return false;
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var message = (output + errors.Result).Trim();
            if (process.ExitCode == 0)
                return true;
            File.Delete(spirvPath);
            Log.LogError("glslc failed on {0} (exit {1}): {2}", sourcePath, process.ExitCode, message);
            return false;
        }
    }
}
