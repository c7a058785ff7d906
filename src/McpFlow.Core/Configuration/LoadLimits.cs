namespace McpFlow.Core.Configuration;

/// <summary>
/// Bounds on every file load (<c>data_load</c>, <c>analyze_dataframe</c>'s path, <c>generate_pipeline</c>'s file), so
/// that a hostile or accidental file can neither take the process down nor hold it. Shape limits are checked before
/// the engine reads the file; a load that runs past <see cref="TimeoutSeconds"/> or is cancelled is interrupted and
/// leaves no table behind. Defaults were measured with DuckDB 1.5 on the 2-core reference machine.
/// </summary>
public sealed class LoadLimits
{
    /// <summary>Default of <see cref="TimeoutSeconds"/>: 5 minutes, ample for the multi-gigabyte files that load as jobs.</summary>
    public const int DefaultTimeoutSeconds = 300;

    /// <summary>Default of <see cref="MaxNestingDepth"/>: System.Text.Json's default depth. DuckDB's JSON schema detection
    /// takes time quadratic in the depth (measured: 64 levels 0.1 s, 256 levels 2.5 s, 1,000 levels 39 s; a 2,000-deep
    /// array did not finish in 60 s and a 20,000-deep object overflowed the native stack).</summary>
    public const int DefaultMaxNestingDepth = 64;

    /// <summary>Default of <see cref="MaxColumns"/>: SQLite's default SQLITE_MAX_COLUMN. DuckDB loads a 2,000-column CSV in
    /// about 2 s here, 16,000 columns in 20 s, and 50,000 columns take minutes (its sniffer checks for interrupts only
    /// every few tens of seconds at that width).</summary>
    public const int DefaultMaxColumns = 2_000;

    /// <summary>Default of <see cref="MaxLineBytes"/>: DuckDB's own default <c>max_line_size</c> (2 MiB).</summary>
    public const int DefaultMaxLineBytes = 2 << 20;

    /// <summary>Default of <see cref="MaxUnzippedBytes"/>: 512 MiB, about an Excel sheet at its 1,048,576-row limit with
    /// 15 numeric columns; the rows are held in memory while their types are inferred.</summary>
    public const long DefaultMaxUnzippedBytes = 512L << 20;

    /// <summary>Default of <see cref="MaxZipEntries"/>: a workbook holds a few parts per sheet; 10,000 allows thousands of sheets.</summary>
    public const int DefaultMaxZipEntries = 10_000;

    /// <summary>Default of <see cref="MaxCellBytes"/>: 1 MiB, a few hundred pages of text in one cell.</summary>
    public const int DefaultMaxCellBytes = 1 << 20;

    /// <summary>How an operator raises <see cref="TimeoutSeconds"/>.</summary>
    public const string TimeoutSwitch = "--load-timeout (MCPFLOW_LOAD_TIMEOUT)";

    /// <summary>How an operator raises <see cref="MaxNestingDepth"/>.</summary>
    public const string NestingDepthSwitch = "--load-max-depth (MCPFLOW_LOAD_MAX_DEPTH)";

    /// <summary>How an operator raises <see cref="MaxColumns"/>.</summary>
    public const string ColumnsSwitch = "--load-max-columns (MCPFLOW_LOAD_MAX_COLUMNS)";

    /// <summary>How an operator raises <see cref="MaxLineBytes"/>.</summary>
    public const string LineBytesSwitch = "--load-max-line-bytes (MCPFLOW_LOAD_MAX_LINE_BYTES)";

    /// <summary>How an operator raises <see cref="MaxUnzippedBytes"/>.</summary>
    public const string UnzippedBytesSwitch = "--load-max-unzipped-bytes (MCPFLOW_LOAD_MAX_UNZIPPED_BYTES)";

    /// <summary>How an operator raises <see cref="MaxZipEntries"/>.</summary>
    public const string ZipEntriesSwitch = "--load-max-zip-entries (MCPFLOW_LOAD_MAX_ZIP_ENTRIES)";

    /// <summary>How an operator raises <see cref="MaxCellBytes"/>.</summary>
    public const string CellBytesSwitch = "--load-max-cell-bytes (MCPFLOW_LOAD_MAX_CELL_BYTES)";

    /// <summary>Wall-clock limit of one load, in seconds, inline or as a job. Default: 300.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Deepest nesting of a JSON/NDJSON document (arrays and objects) or of a Parquet schema. Default: 64.</summary>
    public int MaxNestingDepth { get; set; } = DefaultMaxNestingDepth;

    /// <summary>Most columns a loaded table may have (for CSV/TSV: fields in any record DuckDB samples). Default: 2,000.</summary>
    public int MaxColumns { get; set; } = DefaultMaxColumns;

    /// <summary>Longest line of a CSV/TSV file, in bytes (JSON records keep DuckDB's own 16 MB limit). Default: 2 MiB.</summary>
    public int MaxLineBytes { get; set; } = DefaultMaxLineBytes;

    /// <summary>Largest total uncompressed size an Excel workbook's zip archive may declare, in bytes. Default: 512 MiB.</summary>
    public long MaxUnzippedBytes { get; set; } = DefaultMaxUnzippedBytes;

    /// <summary>Most entries an Excel workbook's zip archive may hold. Default: 10,000.</summary>
    public int MaxZipEntries { get; set; } = DefaultMaxZipEntries;

    /// <summary>Longest text or blob value read from a SQLite file, in bytes. Default: 1 MiB.</summary>
    public int MaxCellBytes { get; set; } = DefaultMaxCellBytes;
}
