using LvaeLive.Host.Input;

namespace LvaeLive.Host.Session;

/// <summary>
/// The session's talk keys, as a slide tool has them: next, previous, first, last, a typed step number then Enter,
/// F5 and Shift+F5; the two key tables; and, during a talk, the quit that asks first.
/// </summary>
internal sealed partial class LiveSession
{
    /// <summary>The largest step number typed: a digit beyond it is a slip, and starts the number again.</summary>
    private const int MaxTypedStep = 9999;

    private readonly KeyProfiles _keys;
    private readonly QuitConfirmation _quit = new();
    // The step number typed so far, until Enter goes there or another key drops it.
    private int? _typedStep;
    // The last frame's time on the loop's clock: keys arrive between frames, without a time of their own.
    private TimeSpan _now;

    /// <summary>The keys the session listens to now: what the window maps its keys with, and what the help lists.</summary>
    public KeyProfiles Keys => _keys;

    /// <summary>Applies a talk key; true when the talk moved, false (with a notice) when nothing changed.</summary>
    private bool Present(LiveInput input)
    {
        if (_talk is not { } talk)
        {
            _pendingNotice = "no talk: start with --talk FILE.toml";
            return false;
        }
        var (scene, typed) = (_scene.Latent, _typedStep);
        _typedStep = null;
        switch (input.Command)
        {
            case ViewAction.TypeStepDigit:
                _typedStep = typed is { } number && number * 10 + input.Digit <= MaxTypedStep ? number * 10 + input.Digit : input.Digit;
                _pendingNotice = $"step {_typedStep}: Enter goes there";
                return false;
            case ViewAction.StartTalk or ViewAction.ResumeTalk:
                talk.Start(input.Command == ViewAction.StartTalk ? 0 : talk.Index, scene, View, _training);
                return true;
        }
        var target = input.Command switch
        {
            ViewAction.PreviousStep => talk.Index - 1,
            ViewAction.FirstStep => 0,
            ViewAction.LastStep => talk.Count - 1,
            ViewAction.GoToTypedStep when typed is { } number => number - 1,
            _ => talk.Next ?? talk.Count,
        };
        if (target < 0 || target >= talk.Count)
        {
            _pendingNotice = typed is { } asked
                ? $"no step {asked}: the talk has steps 1 to {talk.Count}"
                : $"{talk.Position}: the talk has no step that way";
            return false;
        }
        return talk.GoTo(target, scene, View, _training);
    }
}
