namespace McpFlow.Security.Tests.HostileFiles;

/// <summary>Hostile Parquet, written by DuckDB: 10,000 columns, a struct nested 200 deep, a 50 MB string, a
/// decompression bomb (20 million rows of a constant in a few kilobytes), a 2-million-element list, damaged footers.</summary>
internal static class ParquetFiles
{
    private const HostileUse Via = HostileUse.Loaders | HostileUse.Pipeline;

    /// <summary>The files.</summary>
    public static IEnumerable<HostileFile> All() =>
    [
        Copy("10,000 columns", "wide.parquet", "SELECT " + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"1 AS c{i}"))),
        Copy("a struct nested 200 deep", "deep.parquet", "SELECT " + string.Concat(Enumerable.Repeat("{'a': ", 200)) + "1" + new string('}', 200) + " AS s"),
        Copy("one 50 MB string", "long-string.parquet", "SELECT repeat('x', 50000000) AS s"),
        Copy("20,000,000 rows of a constant", "bomb.parquet", "SELECT 1 AS a FROM range(20000000)"),
        Copy("a list of 2,000,000 elements", "long-list.parquet", "SELECT range(2000000) AS l"),
        new("parquet", "magic bytes around garbage", "damaged.parquet", p => File.WriteAllBytes(p, [.. "PAR1"u8, .. CsvFiles.Random(64 << 10, 4), .. "PAR1"u8]), Via),
        new("parquet", "a footer length of 2^31 - 1", "footer.parquet", p => File.WriteAllBytes(p, [.. "PAR1"u8, .. CsvFiles.Random(1024, 6), 0xFF, 0xFF, 0xFF, 0x7F, .. "PAR1"u8]), Via),
    ];

    private static HostileFile Copy(string name, string file, string query) =>
        new("parquet", name, file, p => DuckDbFiles.InMemory($"COPY ({query}) TO '{p}' (FORMAT parquet)"), Via);
}
