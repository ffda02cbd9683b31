using System.Reflection;
using LvaeLive.Model.Nn;

namespace LvaeLive.Model.Tests.Il;

/// <summary>
/// Keeps the crash that <see cref="FinalizerRaceTests"/> reproduces from coming back. A libtorch Scalar made on the
/// way into a call (an implicit conversion from a number, in our code or inside TorchSharp) is left to the
/// finalizer, which may free it while the call still reads it. So no method of the model's assembly may make one,
/// directly or through the TorchSharp methods it calls: scalars are made and held by <see cref="HeldScalar"/> alone.
/// </summary>
public sealed class ImplicitScalarTests
{
    // Deep enough to reach the scalar that an operator or functional wrapper makes for the method it forwards to.
    private const int MaxDepth = 6;

    [Fact]
    public void NoMethodOfTheModelMakesATemporaryScalar()
    {
        using var ours = new IlCallGraph(typeof(LadderVae).Assembly.Location);
        using var torch = new IlCallGraph(typeof(TorchSharp.torch).Assembly.Location);
        var holder = typeof(HeldScalar).FullName!;
        var offending = new List<string>();
        foreach (var method in ours.Methods.Where(m => !m.StartsWith(holder + "::", StringComparison.Ordinal)))
        foreach (var call in ours.CallsOf(method))
            if (PathToTemporaryScalar(torch, call, MaxDepth, []) is { } path)
                offending.Add($"{method}\n    -> {string.Join("\n    -> ", path)}");
        // A module runs through Module.call, an optimizer through Optimizer.step: their overrides are reached virtually.
        foreach (var forward in OverridesInHeldTypes())
            if (PathToTemporaryScalar(torch, forward, MaxDepth, []) is { } path)
                offending.Add($"(a module the model holds)\n    -> {string.Join("\n    -> ", path)}");

        Assert.True(offending.Count == 0,
            $"{offending.Count} calls make a Scalar that only the finalizer frees; hold it in a HeldScalar instead:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void TheCheckFindsAnImplicitScalar()
    {
        // The check must see what it forbids: `tensor * 0.5` makes its Scalar inside TorchSharp's operator.
        using var torch = new IlCallGraph(typeof(TorchSharp.torch).Assembly.Location);
        var path = PathToTemporaryScalar(torch, "TorchSharp.torch/Tensor::op_Multiply(TorchSharp.torch/Tensor,Double)", MaxDepth, []);
        Assert.NotNull(path);
        Assert.Equal("TorchSharp.Scalar::op_Implicit(Double)", path![^1]);
    }

    /// <summary>
    /// The overridable methods (forward, step) of the TorchSharp modules and optimizers that the model's classes keep
    /// in fields: our calls name the base method, and only a virtual call reaches these.
    /// </summary>
    private static IEnumerable<string> OverridesInHeldTypes()
    {
        var library = typeof(TorchSharp.torch).Assembly;
        return typeof(LadderVae).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .SelectMany(field => field.FieldType.IsGenericType ? field.FieldType.GetGenericArguments().Append(field.FieldType) : [field.FieldType])
            .Where(type => type.Assembly == library)
            .Distinct()
            .SelectMany(type => type.GetMethods(BindingFlags.Instance | BindingFlags.Public))
            .Where(method => method.IsVirtual && method.DeclaringType!.Assembly == library)
            .Select(method => $"{IlName(method.DeclaringType!)}::{method.Name}({string.Join(",", method.GetParameters().Select(p => IlName(p.ParameterType)))})");
    }

    private static string IlName(Type type) => type.IsGenericType
        ? $"{type.GetGenericTypeDefinition().FullName!.Replace('+', '/')}<{string.Join(",", type.GetGenericArguments().Select(IlName))}>"
        : type.FullName!.Replace('+', '/');

    private static bool MakesScalar(string method) =>
        method.StartsWith("TorchSharp.Scalar::op_Implicit(", StringComparison.Ordinal)
        || method.StartsWith("TorchSharp.ScalarExtensionMethods::To", StringComparison.Ordinal);

    /// <summary>The chain of calls from <paramref name="method"/> to a Scalar's creation, or null if none is reached.</summary>
    private static List<string>? PathToTemporaryScalar(IlCallGraph library, string method, int depth, HashSet<string> seen)
    {
        if (MakesScalar(method)) return [method];
        if (depth == 0 || !library.Defines(method) || !seen.Add(method)) return null;
        foreach (var call in library.CallsOf(method))
            if (PathToTemporaryScalar(library, call, depth - 1, seen) is { } rest)
                return [method, .. rest];
        return null;
    }
}
