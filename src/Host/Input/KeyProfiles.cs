using LvaeLive.Host.Window;

namespace LvaeLive.Host.Input;

/// <summary>
/// The keys a session listens to: the steering table alone; or, while a talk is loaded, the presenting table, with
/// the steering one a Tab away. The window's keys and the help overlay both read <see cref="Active"/>, so the help
/// always lists the keys that work.
/// </summary>
internal sealed class KeyProfiles
{
    private readonly KeyMap _steering;
    private readonly KeyMap? _presenting;

    public KeyProfiles(int depth, bool talk)
    {
        _steering = new KeyMap(depth, KeyProfile.Steering, talk);
        _presenting = talk ? new KeyMap(depth, KeyProfile.Presenting, talk) : null;
        Active = _presenting ?? _steering;
    }

    public KeyMap Active { get; private set; }

    /// <summary>The command a key event asks for in the active table (see <see cref="KeyMap.Map"/>).</summary>
    public LiveInput? Map(KeyEvent key) => Active.Map(key);

    /// <summary>Switches between presenting and steering; false without a talk, where there is only steering.</summary>
    public bool Toggle()
    {
        if (_presenting is null) return false;
        Active = Active == _presenting ? _steering : _presenting;
        return true;
    }
}
