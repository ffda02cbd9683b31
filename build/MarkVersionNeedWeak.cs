using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Sets VER_FLG_WEAK on one version need (Elf64_Vernaux) of 64-bit little-endian ELF files. Idempotent.
public sealed class MarkVersionNeedWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var changed = Mark(path);
                Log.LogMessage(MessageImportance.Low, "{0}: {1} need for {2}", path, changed ? "weakened" : "already weak", VersionName);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogError("Cannot mark {0} weak in {1}: {2}", VersionName, path, e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private bool Mark(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a 64-bit little-endian ELF file");

        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int sectionSize = BitConverter.ToUInt16(elf, 0x3A), sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = (int)(sectionTable + (long)i * sectionSize);
            if (BitConverter.ToUInt32(elf, header + 4) != ShtGnuVerneed) continue;
            var needs = (int)BitConverter.ToUInt64(elf, header + 0x18);
            var stringTableHeader = (int)(sectionTable + (long)BitConverter.ToUInt32(elf, header + 0x28) * sectionSize);
            var strings = (int)BitConverter.ToUInt64(elf, stringTableHeader + 0x18);
            if (!MarkIn(elf, needs, BitConverter.ToUInt32(elf, header + 0x2C), strings, out var changed))
                throw new InvalidDataException($"no need for {VersionName} found");
            if (changed) File.WriteAllBytes(path, elf);
            return changed;
        }
        throw new InvalidDataException("no .gnu.version_r section");
    }

    // Walks the Elf64_Verneed list (vn_cnt at +2, vn_aux at +8, vn_next at +12) and each one's Elf64_Vernaux list
    // (vna_flags at +4, vna_name at +8, vna_next at +12).
    private bool MarkIn(byte[] elf, int need, uint needCount, int strings, out bool changed)
    {
        changed = false;
        var found = false;
        for (uint n = 0; n < needCount; n++)
        {
            var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
            for (var a = 0; a < BitConverter.ToUInt16(elf, need + 2); a++)
            {
                if (ReadString(elf, strings + (int)BitConverter.ToUInt32(elf, aux + 8)) == VersionName)
                {
                    found = true;
                    var flags = BitConverter.ToUInt16(elf, aux + 4);
                    if ((flags & VerFlagWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, aux + 4);
                        changed = true;
                    }
                }
                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }
            need += (int)BitConverter.ToUInt32(elf, need + 12);
        }
        return found;
    }

    private static string ReadString(byte[] elf, int start)
    {
        var end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
