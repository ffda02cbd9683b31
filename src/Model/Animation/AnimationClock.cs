namespace LvaeLive.Model.Animation;

/// <summary>
/// Each layer's own animation time. Time advances by the frame's duration times the speed, except while the whole
/// animation is paused or the layer is frozen; the caller supplies the duration (wall time live, 1/fps when
/// recording), so paths never depend on the frame rate.
/// </summary>
public sealed class AnimationClock
{
    public const double MinSpeed = 1.0 / 16, MaxSpeed = 16;

    private readonly double[] layerSeconds;
    private readonly bool[] frozen;

    public AnimationClock(int layers)
    {
        layerSeconds = new double[layers];
        frozen = new bool[layers];
    }

    public double Speed { get; private set; } = 1;
    public bool Paused { get; set; }

    public double LayerSeconds(int layer) => layerSeconds[layer];
    public bool IsFrozen(int layer) => frozen[layer];

    public void Advance(double seconds)
    {
        if (Paused) return;
        for (var i = 0; i < layerSeconds.Length; i++)
            if (!frozen[i]) layerSeconds[i] += seconds * Speed;
    }

    public void ToggleFrozen(int layer) => frozen[layer] = !frozen[layer];

    /// <summary>Doubles or halves the speed within [MinSpeed, MaxSpeed].</summary>
    public void ChangeSpeed(bool faster) => Speed = Math.Clamp(faster ? Speed * 2 : Speed / 2, MinSpeed, MaxSpeed);
}
