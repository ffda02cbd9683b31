using LvaeLive.Model.Checkpoints;

namespace LvaeLive.Model.Tests;

/// <summary>
/// The test assembly's entry point (GenerateProgramFile is off in the project): the test runner never calls it. A test
/// that needs a fresh process runs this assembly with `dotnet` and a helper's name, and reads what it prints.
/// </summary>
internal static class HelperProgram
{
    public static int Main(string[] args)
    {
        switch (args)
        {
            case ["initial-weights", var seed]:
                // A new process, a model of the shipped shape: its weights' digest, and nothing else drawn before it.
                using (var model = ModelFactory.Create(new LvaeConfig(), ulong.Parse(seed)))
                    Console.WriteLine(WeightsDigest(model));
                return 0;
            default:
                Console.Error.WriteLine("usage: dotnet LvaeLive.Model.Tests.dll initial-weights SEED");
                return 2;
        }
    }

    /// <summary>The SHA-256 of a model's state dict as a checkpoint writes it: names, shapes and every bit of every tensor.</summary>
    public static string WeightsDigest(TorchSharp.torch.nn.Module model)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            StateDictFile.Write(writer, model);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));
    }
}
