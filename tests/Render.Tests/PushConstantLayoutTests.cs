using System.Runtime.InteropServices;
using LvaeLive.Shaders.Pipelines;

namespace LvaeLive.Render.Tests;

/// <summary>Each C# push-constant struct against the block its shader declares, read from the embedded SPIR-V.</summary>
public sealed class PushConstantLayoutTests
{
    public static TheoryData<string, Type> Blocks => new()
    {
        { "panel", typeof(PanelPush) }, { "tiles", typeof(TilesPush) }, { "splat", typeof(SplatPush) }, { "splat64", typeof(SplatPush) },
        { "trail", typeof(TrailPush) }, { "resolve", typeof(ResolvePush) }, { "markers", typeof(MarkersPush) }, { "curves", typeof(CurvesPush) }, { "text", typeof(TextPush) },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void StructMatchesTheGlslBlock(string shader, Type push)
    {
        var members = SpirvPushBlock.Read(Spirv.Load(shader));
        var fields = push.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
        Assert.Equal(members.Select(m => m.Name.ToLowerInvariant()), fields.Select(f => f.Name.ToLowerInvariant()));
        foreach (var member in members)
            Assert.Equal(member.Offset, (int)Marshal.OffsetOf(push, fields.Single(f => f.Name.Equals(member.Name, StringComparison.OrdinalIgnoreCase)).Name));
        Assert.Equal(members[^1].Offset + members[^1].Size, Marshal.SizeOf(push));
    }
}

/// <summary>The members (name, offset, size) of the push-constant block of a SPIR-V module.</summary>
internal static class SpirvPushBlock
{
    private const int OpName = 5, OpMemberName = 6, OpTypeInt = 21, OpTypeFloat = 22, OpTypeVector = 23, OpTypeStruct = 30,
        OpTypePointer = 32, OpVariable = 59, OpMemberDecorate = 72, DecorationOffset = 35, StorageClassPushConstant = 9;

    public static List<(string Name, int Offset, int Size)> Read(byte[] spirv)
    {
        var words = MemoryMarshal.Cast<byte, uint>(spirv);
        var memberNames = new Dictionary<(uint, uint), string>();
        var offsets = new Dictionary<(uint, uint), int>();
        var sizes = new Dictionary<uint, int>();
        var structs = new Dictionary<uint, uint[]>();
        var pointers = new Dictionary<uint, uint>();
        uint block = 0;
        for (var at = 5; at < words.Length;)
        {
            var count = (int)(words[at] >> 16);
            var op = words[at] & 0xffff;
            var operands = words.Slice(at + 1, count - 1);
            switch (op)
            {
                case OpMemberName: memberNames[(operands[0], operands[1])] = Text(operands[2..]); break;
                case OpMemberDecorate when operands[2] == DecorationOffset: offsets[(operands[0], operands[1])] = (int)operands[3]; break;
                case OpTypeInt or OpTypeFloat: sizes[operands[0]] = (int)operands[1] / 8; break;
                case OpTypeVector when sizes.TryGetValue(operands[1], out var component): sizes[operands[0]] = component * (int)operands[2]; break;
                case OpTypeStruct: structs[operands[0]] = operands[1..].ToArray(); break;
                case OpTypePointer when operands[1] == StorageClassPushConstant: pointers[operands[0]] = operands[2]; break;
                case OpVariable when operands[2] == StorageClassPushConstant: block = pointers[operands[0]]; break;
            }
            at += count;
        }
        Assert.NotEqual(0u, block);
        return structs[block].Select((type, index) => (memberNames[(block, (uint)index)], offsets[(block, (uint)index)], sizes[type])).ToList();
    }

    private static string Text(ReadOnlySpan<uint> words) =>
        System.Text.Encoding.UTF8.GetString(MemoryMarshal.Cast<uint, byte>(words)).TrimEnd('\0');
}
