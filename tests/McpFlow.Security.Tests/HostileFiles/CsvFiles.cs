using System.IO.Compression;
using System.Text;

namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Hostile CSV and TSV: issue 11's 50,000-column CSV (hung the load), a bounded stand-in for the 1 GB single
/// line (64 MB with no newline), a 1 GB gzip bomb, a 100 GB sparse file, and malformed text of every kind.</summary>
internal static class CsvFiles
{
    /// <summary>Size of the single-line file: the 1 GB original is too big to generate in a test; 64 MB is 32 times
    /// DuckDB's default max_line_size (2 MB) and still writes in a fraction of a second.</summary>
    public const int SingleLineBytes = 64 << 20;

    private const HostileUse Via = HostileUse.Loaders | HostileUse.Pipeline | HostileUse.Record;

    /// <summary>The files.</summary>
    public static IEnumerable<HostileFile> All() =>
    [
        new("csv", "50,000 columns", "wide.csv", p => Wide(p, 50_000, ','), Via),
        new("csv", "64 MB on a single line", "single-line.csv", p => FileWriting.Repeat(p, "", "a,", SingleLineBytes / 2, ""), Via),
        new("csv", "one 32 MB quoted cell", "long-cell.csv", p => FileWriting.Repeat(p, "a,b\n1,\"", "x", 32 << 20, "\"\n"), HostileUse.Loaders),
        new("csv", "an unterminated quote then 1 MB", "unterminated.csv", p => FileWriting.Repeat(p, "a,b\n\"x,1\n", "y,2\n", 250_000, ""), HostileUse.Loaders),
        new("csv", "NUL bytes", "nul.csv", p => File.WriteAllBytes(p, [.. "a,b\n1,"u8, 0, 0, 0, .. "\n2,3\n"u8]), HostileUse.Loaders),
        new("csv", "invalid UTF-8", "invalid-utf8.csv", p => File.WriteAllBytes(p, [.. "a,b\n"u8, 0xC3, 0x28, 0xFF, 0xFE, .. ",1\n"u8]), HostileUse.Loaders),
        new("csv", "empty (0 bytes)", "empty.csv", p => File.WriteAllBytes(p, []), Via),
        new("csv", "a header and no rows", "header-only.csv", p => File.WriteAllText(p, "a,b,c\n"), HostileUse.Loaders),
        new("csv", "5,000,000 empty lines", "newlines.csv", p => FileWriting.Repeat(p, "a\n", "\n", 5_000_000, ""), HostileUse.Loaders),
        new("csv", "gzip bomb (1 GB of rows)", "bomb.csv.gz", GzipBomb, HostileUse.Loaders),
        new("csv", "1 MB of random bytes", "garbage.csv", p => File.WriteAllBytes(p, Random(1 << 20, 7)), HostileUse.Loaders),
        new("csv", "UTF-16 mark and an odd byte count", "utf16.csv", p => File.WriteAllBytes(p, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a,b\n1,2\n"), 0x41]), HostileUse.Loaders),
        new("csv", "ragged rows up to 10,000 fields", "ragged.csv", p => FileWriting.Lines(p, Enumerable.Range(0, 200).Select(i => string.Join(",", Enumerable.Repeat("1", 1 + i * 50)))), HostileUse.Loaders),
        new("csv", "1,000,000 quote characters", "quotes.csv", p => FileWriting.Repeat(p, "a\n", "\"", 1_000_000, "\n"), HostileUse.Loaders),
        new("csv", "50,000-column TSV", "wide.tsv", p => Wide(p, 50_000, '\t'), HostileUse.Loaders),
        // Loaders only: a tool that copies its files (workbench_record_run) would write 100 GB of zeros to the disk.
        new("csv", "100 GB sparse file (zeros)", "sparse.csv", Sparse, HostileUse.Loaders),
    ];

    /// <summary>A header of <paramref name="columns"/> names and two rows of ones.</summary>
    public static void Wide(string path, int columns, char separator)
    {
        var header = string.Join(separator, Enumerable.Range(0, columns).Select(i => "c" + i));
        var row = string.Join(separator, Enumerable.Repeat("1", columns));
        FileWriting.Lines(path, [header, row, row]);
    }

    /// <summary>1 GB of "1,2" rows under a header, gzip-compressed (about 15 MB on disk; DuckDB reads .gz transparently).</summary>
    private static void GzipBomb(string path)
    {
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,2\n", 1 << 18)));
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write("a,b\n"u8);
        for (var written = 0L; written < 1L << 30; written += chunk.Length)
            gzip.Write(chunk);
    }

    /// <summary>A file whose length says 100 GB but occupies no disk (a hole): reads return zeros for ever.</summary>
    private static void Sparse(string path)
    {
        using var file = File.Create(path);
        file.SetLength(100L << 30);
    }

    /// <summary>Deterministic random bytes.</summary>
    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
