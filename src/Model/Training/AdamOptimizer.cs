using System.Runtime.InteropServices;
using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

/// <summary>
/// Adam (Kingma and Ba), the same arithmetic as TorchSharp's, with the same saved state, so that its checkpoints are
/// unchanged. It exists because TorchSharp's Adam passes every coefficient as a temporary Scalar (see
/// <see cref="HeldScalar"/>), and for speed: it moves every parameter into a view of one buffer, keeps the moments
/// in two more, and on the CPU updates all three in one pass (<see cref="AdamKernel"/>); elsewhere its step is a handful
/// of operations on the buffers. So the parameters must stay where they are, and be loaded in place. Gradients are
/// left where backward puts them (a fresh tensor per parameter, which it need not add to a zeroed one), and
/// <see cref="ZeroGrad"/> lets them go. Use it from one thread.
/// </summary>
public sealed class AdamOptimizer : IDisposable
{
    // TorchSharp's Adam writes its class name first, and load_state_dict checks it: kept for checkpoints.
    private const string SavedName = "Adam";

    /// <summary>PyTorch's guard against a zero norm in gradient clipping.</summary>
    private const float ClipEpsilon = 1e-6f;
    private static readonly Scalar ClipEpsilonScalar = HeldScalar.Constant(ClipEpsilon);

    private readonly Parameter[] _parameters;
    // Where each parameter starts in the flat buffers.
    private readonly long[] _offsets;
    // One buffer each for the values and moments of every parameter; the per-parameter tensors are views.
    private readonly Tensor _values;
    private readonly Tensor _firstMoment;
    private readonly Tensor _secondMoment;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly bool _onCpu;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private readonly double _initialLearningRate;
    private readonly HeldScalar _beta1Scalar;
    private readonly HeldScalar _beta2Scalar;
    private readonly HeldScalar _oneMinusBeta1;
    private readonly HeldScalar _oneMinusBeta2;
    private readonly HeldScalar _epsilonScalar;
    private readonly HeldScalar _maxGradientNorm = new(1);
    private readonly HeldScalar _secondMomentCorrection = new(1);
    private readonly HeldScalar _negativeStepSize = new(0);
    private long _steps;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = parameters.ToArray();
        _offsets = new long[_parameters.Length];
        for (var i = 1; i < _parameters.Length; i++) _offsets[i] = _offsets[i - 1] + _parameters[i - 1].numel();
        using (no_grad())
        {
            _values = FlatStorage.Gather(_parameters);
            (_firstMoment, _firstMoments) = FlatStorage.ZerosLike(_parameters);
            (_secondMoment, _secondMoments) = FlatStorage.ZerosLike(_parameters);
        }
        _onCpu = _values.device_type == DeviceType.CPU && _values.dtype == ScalarType.Float32;
        (_beta1, _beta2, _epsilon) = (beta1, beta2, epsilon);
        _initialLearningRate = LearningRate = learningRate;
        _beta1Scalar = new HeldScalar(beta1);
        _beta2Scalar = new HeldScalar(beta2);
        _oneMinusBeta1 = new HeldScalar(1 - beta1);
        _oneMinusBeta2 = new HeldScalar(1 - beta2);
        _epsilonScalar = new HeldScalar(epsilon);
    }

    public double LearningRate { get; set; }

    /// <summary>Takes the tensor operations on the CPU too, instead of the kernel: what the tests compare the kernel with.</summary>
    internal bool TensorOperationsOnCpu { get; init; }

    /// <summary>Lets every parameter's gradient go before the next backward pass, which then makes them anew.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters) parameter.grad = null;
    }

    /// <summary>
    /// One update from the gradients that the last backward pass left, first scaled, where <paramref name="maxGradientNorm"/>
    /// is given, so that their joint 2-norm is at most that (as libtorch's clip_grad_norm_ does). Every parameter must
    /// have a gradient: every one takes part in every backward pass, as TorchSharp's Adam would otherwise skip it.
    /// </summary>
    public void Step(double? maxGradientNorm = null)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var gradients = new Tensor[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
            gradients[i] = _parameters[i].grad?.contiguous() ?? throw new InvalidOperationException($"parameter {i} of {_parameters.Length} has no gradient");
        _steps++;
        var biasCorrection1 = 1 - Math.Pow(_beta1, _steps);
        var secondMomentCorrection = Math.Sqrt(1 - Math.Pow(_beta2, _steps));
        var negativeStepSize = -LearningRate / biasCorrection1;
        if (_onCpu && !TensorOperationsOnCpu)
        {
            StepOnCpu(gradients, maxGradientNorm, new AdamKernel.Coefficients((float)_beta1, (float)_beta2, (float)(1 - _beta1), (float)(1 - _beta2),
                (float)secondMomentCorrection, (float)_epsilon, (float)negativeStepSize));
            return;
        }
        var flat = cat(gradients.Select(g => g.view(-1)).ToArray());
        if (maxGradientNorm is { } maxNorm)
            flat.mul_(flat.norm().add_(ClipEpsilonScalar, HeldScalar.One).reciprocal_().mul_(_maxGradientNorm.Of(maxNorm)).clamp_max_(HeldScalar.One));
        _firstMoment.mul_(_beta1Scalar.Value).add_(flat, _oneMinusBeta1.Value);
        _secondMoment.mul_(_beta2Scalar.Value).addcmul_(flat, flat, _oneMinusBeta2.Value);
        var denominator = _secondMoment.sqrt().div_(_secondMomentCorrection.Of(secondMomentCorrection)).add_(_epsilonScalar.Value, HeldScalar.One);
        _values.addcdiv_(_firstMoment, denominator, _negativeStepSize.Of(negativeStepSize));
    }

    private void StepOnCpu(Tensor[] gradients, double? maxGradientNorm, in AdamKernel.Coefficients coefficients)
    {
        var clip = 1f;
        if (maxGradientNorm is { } maxNorm)
        {
            var norm = (float)Math.Sqrt(gradients.Sum(g => AdamKernel.SumOfSquares(Floats(g))));
            clip = Math.Min(1f, 1f / (norm + ClipEpsilon) * (float)maxNorm);
        }
        var values = Floats(_values);
        var firstMoment = Floats(_firstMoment);
        var secondMoment = Floats(_secondMoment);
        for (var i = 0; i < gradients.Length; i++)
        {
            var (start, length) = ((int)_offsets[i], gradients[i].numel());
            AdamKernel.Update(Floats(gradients[i]), clip, firstMoment.Slice(start, (int)length), secondMoment.Slice(start, (int)length),
                values.Slice(start, (int)length), coefficients);
        }
    }

    /// <summary>A contiguous float tensor's elements in place, as a span over libtorch's memory.</summary>
    private static Span<float> Floats(Tensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.bytes);

    /// <summary>Writes the state as TorchSharp's Adam writes it (one parameter group, no AMSGrad).</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(SavedName);
        // TorchSharp counts groups and states in LEB128, which is .NET's 7-bit encoding of a non-negative number.
        writer.Write7BitEncodedInt64(1);
        writer.Write7BitEncodedInt64(_parameters.Length);
        writer.Write(_initialLearningRate);
        writer.Write(LearningRate);
        writer.Write(_beta1);
        writer.Write(_beta2);
        writer.Write(_epsilon);
        writer.Write(0.0); // weight decay
        writer.Write(false); // AMSGrad
        writer.Write(false); // maximize
        for (var i = 0; i < _parameters.Length; i++)
        {
            writer.Write(_steps);
            _firstMoments[i].Save(writer);
            _secondMoments[i].Save(writer);
            writer.Write(false); // no AMSGrad maximum
        }
    }

    /// <summary>
    /// Reads what <see cref="Save"/> (or TorchSharp's Adam, with the same settings) wrote; <paramref name="source"/>
    /// names the file in the one-line error that refuses state of another shape or a crafted count.
    /// </summary>
    public void Load(BinaryReader reader, string source)
    {
        try
        {
            LoadState(reader, source);
        }
        catch (FormatException e)
        {
            // A 7-bit count longer than any number: what a damaged or crafted file gives, never a saved one.
            throw new InvalidDataException($"{source} is not a valid weights file: its optimizer state holds a malformed count", e);
        }
    }

    private void LoadState(BinaryReader reader, string source)
    {
        var name = reader.ReadString();
        if (name != SavedName) throw new InvalidDataException($"{source} holds the state of a {name} optimizer, not of Adam");
        if (reader.Read7BitEncodedInt64() != 1 || reader.Read7BitEncodedInt64() != _parameters.Length)
            throw new InvalidDataException($"{source} holds optimizer state for another set of parameters");
        reader.ReadDouble(); // the initial learning rate: this run's own is kept
        LearningRate = reader.ReadDouble();
        for (var i = 0; i < 4; i++) reader.ReadDouble(); // beta1, beta2, epsilon, weight decay: this run's own are kept
        if (reader.ReadBoolean() || reader.ReadBoolean())
            throw new InvalidDataException($"{source} holds the state of an AMSGrad or maximizing Adam, which this trainer does not use");
        for (var i = 0; i < _parameters.Length; i++)
        {
            _steps = reader.ReadInt64();
            ReadMoment(reader, _firstMoments[i], source, i);
            ReadMoment(reader, _secondMoments[i], source, i);
            if (reader.ReadBoolean()) throw new InvalidDataException($"{source} holds AMSGrad state, which this trainer does not use");
        }
    }

    /// <summary>
    /// Reads one moment as TorchSharp's Tensor.Save wrote it (type, rank and sizes in LEB128, then the raw elements) into
    /// <paramref name="moment"/>, after checking each field against it. TorchSharp's own Tensor.Load allocates the
    /// rank it reads before comparing it, so a crafted rank of 2^31-1 ran out of memory instead of being refused.
    /// </summary>
    private static void ReadMoment(BinaryReader reader, Tensor moment, string source, int parameter)
    {
        var type = reader.Read7BitEncodedInt64();
        var rank = reader.Read7BitEncodedInt64();
        if (type != (long)moment.dtype || rank != moment.shape.Length)
            throw new InvalidDataException($"{source} is not a valid weights file: the optimizer state of parameter {parameter} claims type {type} and rank {rank}, " +
                $"but the parameter is {moment.dtype} of rank {moment.shape.Length}");
        for (var d = 0; d < rank; d++)
        {
            var size = reader.Read7BitEncodedInt64();
            if (size != moment.shape[d])
                throw new InvalidDataException($"{source} is not a valid weights file: the optimizer state of parameter {parameter} claims size {size} " +
                    $"in dimension {d}, but the parameter is [{string.Join(", ", moment.shape)}]");
        }
        var length = moment.numel() * moment.element_size();
        var bytes = reader.ReadBytes(checked((int)length));
        if (bytes.Length != length)
            throw new EndOfStreamException();
        using var _ = no_grad();
        using var loaded = empty(moment.shape, moment.dtype);
        loaded.bytes = bytes;
        moment.copy_(loaded);
    }

    public void Dispose()
    {
        _negativeStepSize.Dispose();
        _secondMomentCorrection.Dispose();
        _maxGradientNorm.Dispose();
        foreach (var scalar in new[] { _epsilonScalar, _oneMinusBeta2, _oneMinusBeta1, _beta2Scalar, _beta1Scalar }) scalar.Dispose();
        foreach (var moment in _secondMoments) moment.Dispose();
        foreach (var moment in _firstMoments) moment.Dispose();
        foreach (var buffer in new[] { _secondMoment, _firstMoment, _values }) buffer.Dispose();
    }
}
