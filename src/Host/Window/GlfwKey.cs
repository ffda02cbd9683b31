namespace LvaeLive.Host.Window;

/// <summary>
/// The GLFW key codes the live view uses (glfw3.h). GLFW names printable keys by their place on a US keyboard, so
/// on other layouts a key keeps its code where it sits; that is why speed keys also have keypad variants.
/// </summary>
internal enum GlfwKey
{
    Unknown = -1,
    Space = 32,
    Comma = 44,
    Minus = 45,
    Period = 46,
    D0 = 48, D1, D2, D3, D4, D5, D6, D7, D8, D9,
    Equal = 61,
    A = 65, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
    Escape = 256,
    Enter = 257,
    Tab = 258,
    Backspace = 259,
    Right = 262,
    Left = 263,
    Down = 264,
    Up = 265,
    PageUp = 266,
    PageDown = 267,
    Home = 268,
    End = 269,
    F1 = 290,
    F5 = 294,
    F11 = 300,
    Kp0 = 320, Kp1, Kp2, Kp3, Kp4, Kp5, Kp6, Kp7, Kp8, Kp9,
    KpSubtract = 333,
    KpAdd = 334,
    KpEnter = 335,
}
