// MSBuild inline task (RoslynCodeTaskFactory) used by TorchSharpNativeFix.targets. See that file for the why.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class McpFlowPatchTorchSharpNative : Task
{
    private const string LibraryName = "libLibTorchSharp.so";
    private const string RequiredVersion = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe; // SHT_GNU_verneed, the type of .gnu.version_r
    private const ushort VerFlgWeak = 0x2;         // VER_FLG_WEAK in <elf.h>

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    /// <summary>A folder whose copies (at any depth) are patched, e.g. a publish folder.</summary>
    public string Folder { get; set; } = "";

    /// <summary>Copies to patch, e.g. the one of a build output.</summary>
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var copies = new System.Collections.Generic.List<string>();
        foreach (var file in Files)
            copies.Add(file.GetMetadata("FullPath"));
        if (Folder.Length > 0 && Directory.Exists(Folder))
            copies.AddRange(Directory.GetFiles(Folder, LibraryName, SearchOption.AllDirectories));
        if (copies.Count == 0)
            return true;
        if (HostHasVersion())
        {
            Log.LogMessage(MessageImportance.Low, "Host libstdc++ provides " + RequiredVersion + "; " + LibraryName + " needs no patch.");
            return true;
        }

        foreach (var copy in copies)
        {
            try
            {
                var outcome = Patch(copy);
                Log.LogMessage(MessageImportance.Normal, LibraryName + " (" + copy + "): " + outcome);
            }
            catch (Exception ex) when (ex is IOException || ex is InvalidDataException || ex is UnauthorizedAccessException)
            {
                Log.LogWarning("Could not mark " + RequiredVersion + " weak in " + copy + ": " + ex.Message);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static bool HostHasVersion()
    {
        var marker = Encoding.ASCII.GetBytes(RequiredVersion + "\0");
        foreach (var path in LibStdCxxCandidates)
        {
            if (File.Exists(path) && IndexOf(File.ReadAllBytes(path), marker) >= 0)
                return true;
        }

        // No known libstdc++ found: assume it is provided (nothing to patch for).
        return Array.TrueForAll(LibStdCxxCandidates, p => !File.Exists(p));
    }

    /// <summary>Sets VER_FLG_WEAK on the GLIBCXX_3.4.32 Vernaux entry; returns what was done.</summary>
    private static string Patch(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a little-endian ELF64 file");
        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var sh = checked((int)(shoff + (long)i * shentsize));
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed)
                continue;
            var offset = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            var link = BitConverter.ToUInt32(elf, sh + 0x28);
            var count = BitConverter.ToUInt32(elf, sh + 0x2C);
            var strtab = checked((int)(shoff + (long)link * shentsize));
            var strOffset = checked((int)BitConverter.ToUInt64(elf, strtab + 0x18));
            return PatchVerneed(path, elf, offset, count, strOffset);
        }

        throw new InvalidDataException("no .gnu.version_r section");
    }

    private static string PatchVerneed(string path, byte[] elf, int offset, uint count, int strOffset)
    {
        var need = offset;
        for (var n = 0; n < count; n++)
        {
            int auxCount = BitConverter.ToUInt16(elf, need + 2);
            var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
            for (var a = 0; a < auxCount; a++)
            {
                var name = ReadString(elf, strOffset + (int)BitConverter.ToUInt32(elf, aux + 8));
                if (name == RequiredVersion)
                {
                    var flags = BitConverter.ToUInt16(elf, aux + 4);
                    if ((flags & VerFlgWeak) != 0)
                        return RequiredVersion + " already weak";
                    var patched = (ushort)(flags | VerFlgWeak);
                    var bytes = BitConverter.GetBytes(patched);
                    elf[aux + 4] = bytes[0];
                    elf[aux + 5] = bytes[1];
                    // Written beside the copy and moved over it: a copy that is a link to the NuGet cache's file (a
                    // publish folder can hold one) is replaced, not patched through, so the cache stays as restored.
                    var temporary = path + ".mcpflow-patch";
                    File.WriteAllBytes(temporary, elf);
                    File.Delete(path);
                    File.Move(temporary, path);

                    return "marked " + RequiredVersion + " weak";
                }

                aux += (int)BitConverter.ToUInt32(elf, aux + 12);
            }

            need += (int)BitConverter.ToUInt32(elf, need + 12);
        }

        return "does not require " + RequiredVersion;
    }

    private static string ReadString(byte[] data, int start)
    {
        var end = start;
        while (end < data.Length && data[end] != 0)
            end++;
        return Encoding.ASCII.GetString(data, start, end - start);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
                match = haystack[i + j] == needle[j];
            if (match)
                return i;
        }

        return -1;
    }
}
