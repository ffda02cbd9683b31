using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LvaeLive.Model.Tests.Il;

/// <summary>
/// The calls that an assembly's compiled methods make, read from their IL: each call names its target as
/// "Namespace.Type/Nested::Method(parameter types)", so that a call in one assembly can be matched with the method
/// that another assembly defines. Enough of a call graph to follow our code into a library it calls.
/// </summary>
internal sealed class IlCallGraph : IDisposable
{
    private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    private readonly PEReader _pe;
    private readonly MetadataReader _reader;
    private readonly Dictionary<string, MethodDefinitionHandle> _methodsByName = [];

    public IlCallGraph(string assemblyPath)
    {
        _pe = new PEReader(File.OpenRead(assemblyPath));
        _reader = _pe.GetMetadataReader();
        foreach (var handle in _reader.MethodDefinitions) _methodsByName.TryAdd(Name(handle), handle);
    }

    /// <summary>Every method this assembly defines, by name.</summary>
    public IEnumerable<string> Methods => _methodsByName.Keys;

    public bool Defines(string method) => _methodsByName.ContainsKey(method);

    /// <summary>The methods that <paramref name="method"/>'s body calls, creates or takes the address of.</summary>
    public IEnumerable<string> CallsOf(string method)
    {
        var definition = _reader.GetMethodDefinition(_methodsByName[method]);
        if (definition.RelativeVirtualAddress == 0) yield break; // abstract, extern or a P/Invoke
        var il = _pe.GetMethodBody(definition.RelativeVirtualAddress).GetILReader();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE) code = (short)(0xFE00 | il.ReadByte());
            var operand = OperandTypes[code];
            if (operand == OperandType.InlineMethod)
            {
                var target = MetadataTokens.EntityHandle(il.ReadInt32());
                if (NameOfCallTarget(target) is { } name) yield return name;
                continue;
            }
            Skip(ref il, operand);
        }
    }

    private static void Skip(ref BlobReader il, OperandType operand)
    {
        switch (operand)
        {
            case OperandType.InlineNone: break;
            case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.Offset += 1; break;
            case OperandType.InlineVar: il.Offset += 2; break;
            case OperandType.InlineI8 or OperandType.InlineR: il.Offset += 8; break;
            case OperandType.InlineSwitch: il.Offset += 4 * il.ReadInt32(); break;
            default: il.Offset += 4; break; // tokens, 32-bit branch targets and constants
        }
    }

    private string? NameOfCallTarget(EntityHandle target) => target.Kind switch
    {
        HandleKind.MethodDefinition => Name((MethodDefinitionHandle)target),
        HandleKind.MemberReference => Name((MemberReferenceHandle)target),
        HandleKind.MethodSpecification => NameOfCallTarget(_reader.GetMethodSpecification((MethodSpecificationHandle)target).Method),
        _ => null,
    };

    private string Name(MethodDefinitionHandle handle)
    {
        var method = _reader.GetMethodDefinition(handle);
        var signature = method.DecodeSignature(new SignatureNames(_reader), null);
        return $"{TypeName(method.GetDeclaringType())}::{_reader.GetString(method.Name)}({string.Join(",", signature.ParameterTypes)})";
    }

    private string? Name(MemberReferenceHandle handle)
    {
        var member = _reader.GetMemberReference(handle);
        if (member.GetKind() != MemberReferenceKind.Method) return null;
        var signature = member.DecodeMethodSignature(new SignatureNames(_reader), null);
        return $"{ParentName(member.Parent)}::{_reader.GetString(member.Name)}({string.Join(",", signature.ParameterTypes)})";
    }

    private string ParentName(EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeDefinition => TypeName((TypeDefinitionHandle)parent),
        HandleKind.TypeReference => SignatureNames.TypeName(_reader, (TypeReferenceHandle)parent),
        // A generic instantiation: the generic type it instantiates, whose methods name its parameters !0, !1, ...
        HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)parent)
            .DecodeSignature(new SignatureNames(_reader), null).Split('<')[0],
        _ => "?",
    };

    private string TypeName(TypeDefinitionHandle handle) => SignatureNames.TypeName(_reader, handle);

    public void Dispose() => _pe.Dispose();

    /// <summary>Type names as both the defining and the calling assembly spell them: Namespace.Outer/Inner.</summary>
    private sealed class SignatureNames(MetadataReader reader) : ISignatureTypeProvider<string, object?>
    {
        public static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            var declaring = type.GetDeclaringType();
            return declaring.IsNil
                ? Qualified(reader.GetString(type.Namespace), reader.GetString(type.Name))
                : $"{TypeName(reader, declaring)}/{reader.GetString(type.Name)}";
        }

        public static string TypeName(MetadataReader reader, TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? $"{TypeName(reader, (TypeReferenceHandle)type.ResolutionScope)}/{reader.GetString(type.Name)}"
                : Qualified(reader.GetString(type.Namespace), reader.GetString(type.Name));
        }

        private static string Qualified(string space, string name) => space.Length == 0 ? name : $"{space}.{name}";

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetTypeFromDefinition(MetadataReader _, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(reader, handle);
        public string GetTypeFromReference(MetadataReader _, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(reader, handle);
        public string GetTypeFromSpecification(MetadataReader _, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{new string(',', shape.Rank - 1)}]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(",", typeArguments)}>";
        public string GetGenericTypeParameter(object? context, int index) => $"!{index}";
        public string GetGenericMethodParameter(object? context, int index) => $"!!{index}";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
    }
}
