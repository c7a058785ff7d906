using System.IO.Compression;
using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>
/// Opens a text data file (CSV, TSV, JSON) the way DuckDB will read it, so the checks see the bytes DuckDB sees: DuckDB
/// decompresses by file extension (<c>.gz</c>; <c>.zst</c>), never by content. Zstandard has no decoder in .NET, so a
/// <c>.zst</c> file cannot be checked and is refused.
/// </summary>
internal static class TextSource
{
    private const int BufferSize = 1 << 16;

    /// <summary>Opens <paramref name="file"/> (a checked regular file) for a sequential scan.</summary>
    public static Stream Open(string file)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".zst", StringComparison.OrdinalIgnoreCase))
            throw McpFlowException.Invalid($"'{name}' is compressed with Zstandard, which McpFlow cannot check before loading.",
                "Decompress it first (e.g. zstd -d), or recompress it with gzip (.gz).");
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
