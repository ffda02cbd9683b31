using TorchSharp;

namespace LvaeLive.Model.Nn;

/// <summary>
/// A libtorch Scalar that lives as long as its owner, never left to the garbage collector. TorchSharp frees a Scalar
/// made by an implicit conversion (a number passed where a Scalar is wanted, in our code or inside TorchSharp) in its
/// finalizer, and the object is unreachable as soon as its handle is read: a collection on another thread can then
/// free it while the native call still reads it (the crash of `lvae live`: "Unknown scalar type", "toFloat"). So every
/// Scalar the model passes to libtorch is a process-wide constant (those below, or <see cref="Constant(double)"/> kept in
/// a static readonly field), or a <see cref="HeldScalar"/> that its owner keeps (in a field, or a `using` local) and
/// disposes. tests/Model.Tests/Il/ImplicitScalarTests keeps it so.
/// </summary>
public sealed class HeldScalar : IDisposable
{
    public static readonly Scalar Zero = 0.0.ToScalar();
    public static readonly Scalar One = 1.0.ToScalar();
    public static readonly Scalar Half = 0.5.ToScalar();
    public static readonly Scalar MinusHalf = (-0.5).ToScalar();

    /// <summary>For a static readonly field, which holds it for the process's life: fixed coefficients (slopes, floors).</summary>
    public static Scalar Constant(double value) => value.ToScalar();

    /// <summary>The same for an integer: counters in integer tensors.</summary>
    public static Scalar Constant(long value) => value.ToScalar();

    private Scalar _scalar;
    private double _value;

    public HeldScalar(double value)
    {
        _value = value;
        _scalar = value.ToScalar();
    }

    /// <summary>The held Scalar.</summary>
    public Scalar Value => _scalar;

    /// <summary>The held Scalar, remade only when <paramref name="newValue"/> differs from the last one.</summary>
    /// <remarks>The Scalar it replaces was read by calls that have returned: this owner uses it from one thread.</remarks>
    public Scalar Of(double newValue)
    {
        if (newValue.Equals(_value)) return _scalar;
        _scalar.Dispose();
        _value = newValue;
        _scalar = newValue.ToScalar();
        return _scalar;
    }

    public void Dispose() => _scalar.Dispose();
}
