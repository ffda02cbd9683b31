using LvaeLive.Model.Nn;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LvaeLive.Model.Training;

/// <summary>
/// Adam (Kingma and Ba), the same operations in the same order as TorchSharp's, with the same saved state, so that a
/// run's numbers and its checkpoints are unchanged. It exists because TorchSharp's Adam passes every coefficient as a
/// temporary Scalar (see <see cref="HeldScalar"/>): here the constant ones are made once and the two that change with
/// each step are held. Use it from one thread.
/// </summary>
public sealed class AdamOptimizer : IDisposable
{
    // TorchSharp's Adam writes its class name first, and load_state_dict checks it: kept for checkpoints.
    private const string SavedName = "Adam";

    private readonly Parameter[] parameters;
    private readonly Tensor[] firstMoments;
    private readonly Tensor[] secondMoments;
    private readonly double beta1;
    private readonly double beta2;
    private readonly double epsilon;
    private readonly double initialLearningRate;
    private readonly HeldScalar beta1Scalar;
    private readonly HeldScalar beta2Scalar;
    private readonly HeldScalar oneMinusBeta1;
    private readonly HeldScalar oneMinusBeta2;
    private readonly HeldScalar epsilonScalar;
    private readonly HeldScalar secondMomentCorrection = new(1);
    private readonly HeldScalar negativeStepSize = new(0);
    private long steps;

    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        this.parameters = parameters.ToArray();
        using (no_grad())
        {
            firstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
            secondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        }
        (this.beta1, this.beta2, this.epsilon) = (beta1, beta2, epsilon);
        initialLearningRate = LearningRate = learningRate;
        beta1Scalar = new HeldScalar(beta1);
        beta2Scalar = new HeldScalar(beta2);
        oneMinusBeta1 = new HeldScalar(1 - beta1);
        oneMinusBeta2 = new HeldScalar(1 - beta2);
        epsilonScalar = new HeldScalar(epsilon);
    }

    public double LearningRate { get; set; }

    /// <summary>Clears every parameter's gradient before the next backward pass.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in parameters)
        {
            using var grad = parameter.grad;
            grad?.zero_();
        }
    }

    /// <summary>One update from the gradients that the last backward pass left.</summary>
    public void Step()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        steps++;
        var biasCorrection1 = 1 - Math.Pow(beta1, steps);
        var biasCorrection2 = 1 - Math.Pow(beta2, steps);
        var correction = secondMomentCorrection.Of(Math.Sqrt(biasCorrection2));
        var stepSize = negativeStepSize.Of(-LearningRate / biasCorrection1);
        for (var i = 0; i < parameters.Length; i++)
        {
            var grad = parameters[i].grad;
            if (grad is null) continue;
            firstMoments[i].mul_(beta1Scalar.Value).add_(grad, oneMinusBeta1.Value);
            secondMoments[i].mul_(beta2Scalar.Value).addcmul_(grad, grad, oneMinusBeta2.Value);
            var denominator = secondMoments[i].sqrt().div(correction).add_(epsilonScalar.Value, HeldScalar.One);
            parameters[i].addcdiv_(firstMoments[i], denominator, stepSize);
        }
    }

    /// <summary>Writes the state as TorchSharp's Adam writes it (one parameter group, no AMSGrad).</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(SavedName);
        // TorchSharp counts groups and states in LEB128, which is .NET's 7-bit encoding of a non-negative number.
        writer.Write7BitEncodedInt64(1);
        writer.Write7BitEncodedInt64(parameters.Length);
        writer.Write(initialLearningRate);
        writer.Write(LearningRate);
        writer.Write(beta1);
        writer.Write(beta2);
        writer.Write(epsilon);
        writer.Write(0.0); // weight decay
        writer.Write(false); // AMSGrad
        writer.Write(false); // maximize
        for (var i = 0; i < parameters.Length; i++)
        {
            writer.Write(steps);
            firstMoments[i].Save(writer);
            secondMoments[i].Save(writer);
            writer.Write(false); // no AMSGrad maximum
        }
    }

    /// <summary>Reads what <see cref="Save"/> (or TorchSharp's Adam, with the same settings) wrote.</summary>
    public void Load(BinaryReader reader, string source)
    {
        var name = reader.ReadString();
        if (name != SavedName) throw new InvalidDataException($"{source} holds the state of a {name} optimizer, not of Adam");
        if (reader.Read7BitEncodedInt64() != 1 || reader.Read7BitEncodedInt64() != parameters.Length)
            throw new InvalidDataException($"{source} holds optimizer state for another set of parameters");
        reader.ReadDouble(); // the initial learning rate: this run's own is kept
        LearningRate = reader.ReadDouble();
        for (var i = 0; i < 4; i++) reader.ReadDouble(); // beta1, beta2, epsilon, weight decay: this run's own are kept
        if (reader.ReadBoolean() || reader.ReadBoolean())
            throw new InvalidDataException($"{source} holds the state of an AMSGrad or maximizing Adam, which this trainer does not use");
        for (var i = 0; i < parameters.Length; i++)
        {
            steps = reader.ReadInt64();
            firstMoments[i].Load(reader);
            secondMoments[i].Load(reader);
            if (reader.ReadBoolean()) throw new InvalidDataException($"{source} holds AMSGrad state, which this trainer does not use");
        }
    }

    public void Dispose()
    {
        negativeStepSize.Dispose();
        secondMomentCorrection.Dispose();
        foreach (var scalar in new[] { epsilonScalar, oneMinusBeta2, oneMinusBeta1, beta2Scalar, beta1Scalar }) scalar.Dispose();
        foreach (var moment in secondMoments) moment.Dispose();
        foreach (var moment in firstMoments) moment.Dispose();
    }
}
