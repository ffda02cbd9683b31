namespace LvaeLive.Host.Tests.Window;

/// <summary>
/// The test classes that open GLFW windows in this process run one after the other. GLFW stays initialised while any
/// window is open (GlfwRuntime), so a window of another class would let the no-display test's window open on the
/// display GLFW already holds, and a fullscreen test changes what the other windows show.
/// </summary>
[CollectionDefinition(nameof(InProcessWindows))]
public sealed class InProcessWindows;
