using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace McpFlow.Workbench.Hashing;

/// <summary>
/// SHA-256 of files (hex, lower case), cached by path, size and modification time so that re-checking the inputs
/// of every run on each read stays cheap. Small files are always hashed afresh.
/// </summary>
public sealed class ContentHasher
{
    /// <summary>Files smaller than this are hashed without the cache (1 MiB: hashing takes well under a millisecond).</summary>
    public const long CacheThresholdBytes = 1 << 20;

    private readonly ConcurrentDictionary<string, (long Size, DateTime Modified, string Hash)> _cache = new(StringComparer.Ordinal);

    /// <summary>The SHA-256 of a file's content.</summary>
    public string HashFile(string path)
    {
        var info = new FileInfo(path);
        if (info.Length >= CacheThresholdBytes
            && _cache.TryGetValue(path, out var cached) && cached.Size == info.Length && cached.Modified == info.LastWriteTimeUtc)
            return cached.Hash;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (info.Length >= CacheThresholdBytes)
            _cache[path] = (info.Length, info.LastWriteTimeUtc, hash);
        return hash;
    }

    /// <summary>The SHA-256 of bytes.</summary>
    public static string HashBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The SHA-256 of a UTF-8 text.</summary>
    public static string HashText(string text) => HashBytes(Encoding.UTF8.GetBytes(text));
}
