namespace LvaeLive.Model.Scene;

/// <summary>
/// A text (or labels) made again only when what it names changes: the scene asks for titles and labels every frame.
/// </summary>
internal sealed class TextCache<TKey, TValue>(Func<TKey, TValue> make) where TKey : IEquatable<TKey>
{
    private (TKey Key, TValue Value)? _made;

    public TValue For(TKey key)
    {
        if (_made is { } made && made.Key.Equals(key)) return made.Value;
        var value = make(key);
        _made = (key, value);
        return value;
    }
}
