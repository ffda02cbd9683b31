using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

/// <summary>
/// Adam (Kingma and Ba), the same operations in the same order as TorchSharp's, with the same saved state, so that a
/// run's numbers and its checkpoints are unchanged. It exists because TorchSharp's Adam passes every coefficient as a
/// temporary Scalar (see <see cref="HeldScalar"/>): here the constant ones are made once and the two that change with
/// each step are held. Its step is a handful of operations on flat buffers, not a handful per parameter: it moves
/// every parameter, and every parameter's gradient, into views of one buffer each (so the parameters must stay where
/// they are, and be loaded in place). Use it from one thread.
/// </summary>
public sealed class AdamOptimizer : IDisposable
{
    // TorchSharp's Adam writes its class name first, and load_state_dict checks it: kept for checkpoints.
    private const string SavedName = "Adam";

    /// <summary>PyTorch's guard against a zero norm in gradient clipping.</summary>
    private static readonly Scalar ClipEpsilon = HeldScalar.Constant(1e-6);

    private readonly Parameter[] _parameters;
    // One buffer each for the values, gradients and moments of every parameter; the per-parameter tensors are views.
    private readonly Tensor _values;
    private readonly Tensor _gradients;
    private readonly Tensor _firstMoment;
    private readonly Tensor _secondMoment;
    private readonly Tensor[] _firstMoments;
    private readonly Tensor[] _secondMoments;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private readonly double _initialLearningRate;
    private readonly HeldScalar _beta1Scalar;
    private readonly HeldScalar _beta2Scalar;
    private readonly HeldScalar _oneMinusBeta1;
    private readonly HeldScalar _oneMinusBeta2;
    private readonly HeldScalar _epsilonScalar;
    private readonly HeldScalar _secondMomentCorrection = new(1);
    private readonly HeldScalar _negativeStepSize = new(0);
    private long _steps;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = parameters.ToArray();
        using (no_grad())
        {
            _values = FlatStorage.Gather(_parameters);
            Tensor[] gradients;
            (_gradients, gradients) = FlatStorage.ZerosLike(_parameters);
            // A gradient that exists is accumulated in place by backward, so backward writes into the buffer.
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i].grad = gradients[i];
                gradients[i].Dispose(); // the parameter holds its own reference
            }
            (_firstMoment, _firstMoments) = FlatStorage.ZerosLike(_parameters);
            (_secondMoment, _secondMoments) = FlatStorage.ZerosLike(_parameters);
        }
        (_beta1, _beta2, _epsilon) = (beta1, beta2, epsilon);
        _initialLearningRate = LearningRate = learningRate;
        _beta1Scalar = new HeldScalar(beta1);
        _beta2Scalar = new HeldScalar(beta2);
        _oneMinusBeta1 = new HeldScalar(1 - beta1);
        _oneMinusBeta2 = new HeldScalar(1 - beta2);
        _epsilonScalar = new HeldScalar(epsilon);
    }

    public double LearningRate { get; set; }

    /// <summary>Clears every parameter's gradient before the next backward pass.</summary>
    public void ZeroGrad() => _gradients.zero_();

    /// <summary>
    /// Scales the gradients so that their joint 2-norm is at most <paramref name="maxNorm"/>, as libtorch's
    /// clip_grad_norm_ does (which takes the norm of the per-parameter norms: the same number, summed in another order).
    /// </summary>
    public void ClipGradientNorm(HeldScalar maxNorm)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var coefficient = _gradients.norm().add_(ClipEpsilon, HeldScalar.One).reciprocal_().mul_(maxNorm.Value).clamp_max_(HeldScalar.One);
        _gradients.mul_(coefficient);
    }

    /// <summary>One update from the gradients that the last backward pass left.</summary>
    public void Step()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        _steps++;
        var biasCorrection1 = 1 - Math.Pow(_beta1, _steps);
        var biasCorrection2 = 1 - Math.Pow(_beta2, _steps);
        var correction = _secondMomentCorrection.Of(Math.Sqrt(biasCorrection2));
        var stepSize = _negativeStepSize.Of(-LearningRate / biasCorrection1);
        // Every parameter takes part in every backward pass, so every one has a gradient, as TorchSharp's Adam requires.
        _firstMoment.mul_(_beta1Scalar.Value).add_(_gradients, _oneMinusBeta1.Value);
        _secondMoment.mul_(_beta2Scalar.Value).addcmul_(_gradients, _gradients, _oneMinusBeta2.Value);
        var denominator = _secondMoment.sqrt().div_(correction).add_(_epsilonScalar.Value, HeldScalar.One);
        _values.addcdiv_(_firstMoment, denominator, stepSize);
    }

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

    /// <summary>Reads what <see cref="Save"/> (or TorchSharp's Adam, with the same settings) wrote.</summary>
    public void Load(BinaryReader reader, string source)
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
            _firstMoments[i].Load(reader);
            _secondMoments[i].Load(reader);
            if (reader.ReadBoolean()) throw new InvalidDataException($"{source} holds AMSGrad state, which this trainer does not use");
        }
    }

    public void Dispose()
    {
        _negativeStepSize.Dispose();
        _secondMomentCorrection.Dispose();
        foreach (var scalar in new[] { _epsilonScalar, _oneMinusBeta2, _oneMinusBeta1, _beta2Scalar, _beta1Scalar }) scalar.Dispose();
        foreach (var moment in _secondMoments) moment.Dispose();
        foreach (var moment in _firstMoments) moment.Dispose();
        foreach (var buffer in new[] { _secondMoment, _firstMoment, _gradients, _values }) buffer.Dispose();
    }
}
