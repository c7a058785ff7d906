using System.Text;

namespace McpFlow.Core.Files;

/// <summary>
/// Replaces a file in one step: the content goes to a temporary file beside it, which is then renamed over the old one
/// (atomic on one file system), so a reader sees the old file or the new one, never a torn one. Each write has its own
/// temporary name: two writers of the same file (two sessions profiling one table, two processes on a shared folder)
/// cannot take each other's temporary file away; the last rename wins.
/// </summary>
public static class AtomicFile
{
    /// <summary>The suffix every temporary file ends with (readers that list a folder skip it).</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no byte-order mark).</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind; its name ends in TemporarySuffix, which readers skip.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
