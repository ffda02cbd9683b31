namespace LvaeLive.Shaders.Pipelines;

/// <summary>The SPIR-V that the build compiled from shaders/*.comp and embedded in this assembly.</summary>
public static class Spirv
{
    public static byte[] Load(string shader)
    {
        var resource = $"LvaeLive.Shaders.Spirv.{shader}.spv";
        using var stream = typeof(Spirv).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"shader '{shader}' is not embedded in LvaeLive.Shaders (resource {resource}); rebuild so that glslc compiles shaders/{shader}.comp");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
