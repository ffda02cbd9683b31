using System.Runtime.InteropServices;

namespace LvaeLive.Host.Tests.Window;

/// <summary>
/// The C library's environment, which native code (Xlib in GLFW) reads; .NET's Environment keeps its own copy, so
/// hiding DISPLAY from GLFW needs these.
/// </summary>
internal static partial class NativeEnvironment
{
    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int unsetenv(string name);

    /// <summary>Runs the action with the variable unset for native code, then restores it.</summary>
    public static void Without(string name, Action action)
    {
        var value = Environment.GetEnvironmentVariable(name);
        Assert.Equal(0, unsetenv(name));
        try
        {
            action();
        }
        finally
        {
            if (value is not null)
                Assert.Equal(0, setenv(name, value, 1));
        }
    }
}
