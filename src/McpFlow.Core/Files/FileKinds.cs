using System.Runtime.InteropServices;

namespace McpFlow.Core.Files;

/// <summary>
/// Tells regular files from special ones (FIFOs, sockets, devices) without opening them: opening a FIFO for reading
/// blocks until a writer appears, so the only safe question is <c>statx</c>, which never opens the file. On systems
/// without <c>statx</c> (not Linux) every existing non-folder counts as regular.
/// </summary>
public static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x0001;
    private const int StatxBufferSize = 256; // sizeof(struct statx) is 256 on every Linux architecture.
    private const int ModeOffset = 28;       // offsetof(struct statx, stx_mode), the same on every architecture.
    private const int FileTypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000;  // S_IFREG
    private const int DirectoryType = 0x4000; // S_IFDIR

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux())
        {
            var mode = StatxMode(path);
            if (mode is null)
                return FileKind.Missing;
            return (mode.Value & FileTypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Special,
            };
        }

        if (Directory.Exists(path))
            return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    private static unsafe int? StatxMode(string path)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                return null;
        }
        catch (EntryPointNotFoundException)
        {
            // A libc without statx (glibc < 2.28): fall back to what .NET can tell.
            return Directory.Exists(path) ? DirectoryType : File.Exists(path) ? RegularType : null;
        }

        return *(ushort*)(buffer + ModeOffset);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
