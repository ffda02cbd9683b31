namespace LvaeLive.Model.Animation;

/// <summary>
/// Each layer's own animation time. Time advances by the frame's duration times the speed, except while the whole
/// animation is paused or the layer is frozen; the caller supplies the duration (wall time live, 1/fps when
/// recording), so paths never depend on the frame rate.
/// </summary>
public sealed class AnimationClock
{
    private readonly double[] _layerSeconds;
    private readonly bool[] _frozen;

    public AnimationClock(int layers)
    {
        _layerSeconds = new double[layers];
        _frozen = new bool[layers];
    }

    public double Speed { get; private set; } = AnimationSettings.Speed.Default;
    public bool Paused { get; set; }

    public double LayerSeconds(int layer) => _layerSeconds[layer];
    public bool IsFrozen(int layer) => _frozen[layer];

    public void Advance(double seconds)
    {
        if (Paused) return;
        for (var i = 0; i < _layerSeconds.Length; i++)
            if (!_frozen[i]) _layerSeconds[i] += seconds * Speed;
    }

    public void ToggleFrozen(int layer) => _frozen[layer] = !_frozen[layer];

    /// <summary>Doubles or halves the speed, within <see cref="AnimationSettings.Speed"/>'s range.</summary>
    public void ChangeSpeed(bool faster) => SetSpeed(faster ? Speed * 2 : Speed / 2);

    /// <summary>
    /// Sets the speed, kept within <see cref="AnimationSettings.Speed"/>'s range: the keys step past its ends, and a talk
    /// cannot, as its file is checked against the same range.
    /// </summary>
    public void SetSpeed(double speed) => Speed = AnimationSettings.Speed.Clamp(speed);
}
