namespace LvaeLive.Host.Session;

/// <summary>
/// During a talk no single key ends the show, since a remote's button or a stray key would end it in front of the
/// audience: the first quit asks, and a second within <see cref="Window"/> on the loop's clock quits.
/// </summary>
internal sealed class QuitConfirmation
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <summary>What the keys' help says of it.</summary>
    public static readonly string Help = $"twice within {Window.TotalSeconds:0} s";

    private TimeSpan? _askedAt;

    /// <summary>Whether a quit at <paramref name="now"/> confirms one asked for before; if not, it is the one that asks.</summary>
    public bool Confirms(TimeSpan now)
    {
        if (_askedAt is { } asked && now - asked <= Window) return true;
        _askedAt = now;
        return false;
    }
}
