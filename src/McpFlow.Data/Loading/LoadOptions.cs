namespace McpFlow.Data.Loading;

/// <summary>How to read a file. Every member is optional; null means "detect".</summary>
public sealed record LoadOptions
{
    /// <summary>Format name (<see cref="FileFormats.Names"/>); null or "auto" detects from the extension.</summary>
    public string? Format { get; init; }

    /// <summary>CSV delimiter, e.g. ";" or "\t"; null lets DuckDB sniff it.</summary>
    public string? Delimiter { get; init; }

    /// <summary>Whether the first CSV line is a header; null lets DuckDB sniff it.</summary>
    public bool? Header { get; init; }

    /// <summary>CSV encoding: utf-8 (default), utf-16 or latin-1.</summary>
    public string? Encoding { get; init; }

    /// <summary>Excel sheet name (default: the first sheet).</summary>
    public string? Sheet { get; init; }

    /// <summary>Table inside a SQLite or DuckDB file (default: the only table, or an error listing them).</summary>
    public string? SourceTable { get; init; }

    /// <summary>Skip rows DuckDB cannot parse (ragged or malformed) instead of failing. Default false.</summary>
    public bool IgnoreErrors { get; init; }

    /// <summary>Text values read as missing (NULL), compared after trimming; null means
    /// <see cref="Parsing.MissingMarkers.DefaultValues"/>, an empty list means none.</summary>
    public IReadOnlyList<string>? MissingMarkers { get; init; }
}
