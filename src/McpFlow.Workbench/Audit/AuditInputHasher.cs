using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Files;
using McpFlow.Workbench.Hashing;

namespace McpFlow.Workbench.Audit;

/// <summary>
/// Hashes the files named by a call's path arguments (those whose name mentions "path" or "file") for the audit
/// trail, before the tool runs. Only existing regular files under the allowed roots are opened: the guard refuses
/// FIFOs, sockets and devices without opening them, globs are skipped (the tool expands them itself), and the work is
/// bounded: files over <see cref="MaxFileBytes"/> and bytes beyond <see cref="MaxTotalBytes"/> are listed as not
/// hashed with the reason, and paths beyond the first <see cref="MaxFiles"/> are not looked at.
/// </summary>
public sealed class AuditInputHasher(FileAccessGuard guard, ContentHasher hasher)
{
    /// <summary>Largest file hashed: 64 MiB (SHA-256 runs at roughly 0.5-2 GB/s, so at most about 0.1 s per file).</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>Most bytes hashed for one call: 256 MiB (at most about half a second before the tool starts).</summary>
    public const long MaxTotalBytes = 256L << 20;

    /// <summary>Most paths looked at for one call (workbench_record_run takes up to 50 outputs).</summary>
    public const int MaxFiles = 100;

    /// <summary>Characters of a client path kept in the <c>argument:path</c> key.</summary>
    public const int MaxKeyPathLength = 200;

    /// <summary>Hashes the files named in <paramref name="arguments"/>.</summary>
    public AuditInputHashes Hash(IDictionary<string, JsonElement>? arguments)
    {
        var hashes = new Dictionary<string, string>();
        var skipped = new Dictionary<string, string>();
        if (arguments is null)
            return new AuditInputHashes(null, null);
        long total = 0;
        var examined = 0;
        foreach (var (name, value) in arguments.Where(a => a.Key.Contains("path", StringComparison.OrdinalIgnoreCase) || a.Key.Contains("file", StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var path in Paths(value))
            {
                if (++examined > MaxFiles)
                {
                    skipped["…"] = $"not hashed: the call names more than {MaxFiles} paths; only the first {MaxFiles} were looked at";
                    return Result(hashes, skipped);
                }

                var key = $"{name}:{(path.Length <= MaxKeyPathLength ? path : path[..MaxKeyPathLength] + "…")}";
                if (path.AsSpan().IndexOfAny('*', '?', '[') >= 0)
                    continue; // a glob: the tool expands and checks it
                string full;
                try
                {
                    full = guard.ResolveExistingFile(path, name);
                }
                catch (McpFlowException)
                {
                    continue; // not a regular file under the roots: the tool itself reports that
                }

                var size = new FileInfo(full).Length;
                var reason = size > MaxFileBytes ? $"not hashed: {Bytes(size)} is over the {Bytes(MaxFileBytes)} limit per file"
                    : total + size > MaxTotalBytes ? $"not hashed: the call's files exceed {Bytes(MaxTotalBytes)} in all"
                    : null;
                if (reason is not null)
                {
                    skipped[key] = reason;
                    continue;
                }

                try
                {
                    hashes[key] = hasher.HashFile(full);
                    total += size;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    skipped[key] = "not hashed: the file could not be read";
                }
            }
        }

        return Result(hashes, skipped);
    }

    private static AuditInputHashes Result(Dictionary<string, string> hashes, Dictionary<string, string> skipped) =>
        new(hashes.Count == 0 ? null : hashes, skipped.Count == 0 ? null : skipped);

    private static IEnumerable<string> Paths(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
        _ => [],
    };

    private static string Bytes(long n) => n.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
