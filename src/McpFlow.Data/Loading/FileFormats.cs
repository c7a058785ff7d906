using McpFlow.Core.Errors;

namespace McpFlow.Data.Loading;

/// <summary>Chooses a format from an explicit name or the file extension.</summary>
public static class FileFormats
{
    /// <summary>Names accepted for the <c>format</c> parameter.</summary>
    public const string Names = "csv, tsv, parquet, json, ndjson, excel, sqlite, duckdb";

    /// <summary>The format named by <paramref name="format"/>, or detected from <paramref name="path"/>'s extension.</summary>
    public static FileFormat Resolve(string? format, string path)
    {
        if (!string.IsNullOrWhiteSpace(format) && !format.Equals("auto", StringComparison.OrdinalIgnoreCase))
            return Parse(format.Trim().ToLowerInvariant())
                ?? throw McpFlowException.Invalid($"Unknown format '{format}'.", $"Use one of: auto, {Names}.");
        var name = Path.GetFileName(path).ToLowerInvariant();
        foreach (var suffix in new[] { ".gz", ".zst" })
            if (name.EndsWith(suffix, StringComparison.Ordinal))
                name = name[..^suffix.Length];
        var extension = Path.GetExtension(name).TrimStart('.');
        return Parse(extension) ?? throw McpFlowException.Invalid(
            $"Cannot tell the format of '{Path.GetFileName(path)}' from its extension.",
            $"Pass format, one of: {Names}.");
    }

    private static FileFormat? Parse(string name) => name switch
    {
        "csv" or "txt" or "dat" => FileFormat.Csv,
        "tsv" or "tab" => FileFormat.Tsv,
        "parquet" or "pq" => FileFormat.Parquet,
        "json" or "ndjson" or "jsonl" => FileFormat.Json,
        "excel" or "xlsx" or "xlsm" or "xls" or "xlsb" => FileFormat.Excel,
        "sqlite" or "sqlite3" or "db" => FileFormat.Sqlite,
        "duckdb" or "ddb" => FileFormat.Duckdb,
        _ => null,
    };
}
