using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LvaeLive.Host.Window;

/// <summary>
/// GLFW reports errors through a callback, on the thread of the call that failed. The callback keeps the error for that
/// thread; the wrapper that made the call then throws it as a <see cref="GlfwException"/>, so no error goes unseen.
/// </summary>
internal static unsafe class GlfwErrors
{
    [ThreadStatic] private static GlfwException? _pending;

    public static delegate* unmanaged[Cdecl]<int, byte*, void> Callback => &OnError;

    /// <summary>Throws (and clears) the error GLFW raised on this thread since the last check, naming the call.</summary>
    public static void ThrowIfRaised(string call)
    {
        var error = Take(call);
        if (error is not null)
            throw error;
    }

    /// <summary>Returns (and clears) the error GLFW raised on this thread since the last check, naming the call.</summary>
    public static GlfwException? Take(string call)
    {
        var error = _pending;
        _pending = null;
        return error is null ? null : new GlfwException(call, error.Code, error.Description);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(int code, byte* description)
    {
        // Keep the first error: later ones in the same call are usually consequences of it.
        _pending ??= new GlfwException("", code, Marshal.PtrToStringUTF8((nint)description) ?? "(no description)");
    }
}
