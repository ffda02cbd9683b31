namespace LvaeLive.Model.Animation;

/// <summary>
/// Each layer's own animation time. Time advances by the frame's duration times the speed, except while the whole
/// animation is paused or the layer is frozen; the caller supplies the duration (wall time live, 1/fps when
/// recording), so paths never depend on the frame rate.
/// </summary>
public sealed class AnimationClock
{
    public const double MinSpeed = 1.0 / 16, MaxSpeed = 16;

    private readonly double[] _layerSeconds;
    private readonly bool[] _frozen;

    public AnimationClock(int layers)
    {
        _layerSeconds = new double[layers];
        _frozen = new bool[layers];
    }

    public double Speed { get; private set; } = 1;
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

    /// <summary>Doubles or halves the speed within [MinSpeed, MaxSpeed].</summary>
    public void ChangeSpeed(bool faster) => SetSpeed(faster ? Speed * 2 : Speed / 2);

    /// <summary>Sets the speed, kept within [MinSpeed, MaxSpeed].</summary>
    public void SetSpeed(double speed) => Speed = Math.Clamp(speed, MinSpeed, MaxSpeed);
}
