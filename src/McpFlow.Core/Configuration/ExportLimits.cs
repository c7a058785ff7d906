namespace McpFlow.Core.Configuration;

/// <summary>
/// Bounds on every <c>data_export</c>: an export that runs past <see cref="TimeoutSeconds"/>, is cancelled, or would
/// write more than <see cref="MaxRows"/> rows or <see cref="MaxBytes"/> bytes is stopped and its partial file deleted;
/// the target is only replaced once the whole export fits.
/// </summary>
public sealed class ExportLimits
{
    /// <summary>Default of <see cref="TimeoutSeconds"/>: 5 minutes.</summary>
    public const int DefaultTimeoutSeconds = 300;

    /// <summary>Default of <see cref="MaxRows"/>: 10 million rows.</summary>
    public const long DefaultMaxRows = 10_000_000;

    /// <summary>Default of <see cref="MaxBytes"/>: 1 GiB, about 10 million rows of a ten-column CSV.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>How an operator raises <see cref="TimeoutSeconds"/>.</summary>
    public const string TimeoutSwitch = "--export-timeout (MCPFLOW_EXPORT_TIMEOUT)";

    /// <summary>How an operator raises <see cref="MaxRows"/>.</summary>
    public const string RowsSwitch = "--export-max-rows (MCPFLOW_EXPORT_MAX_ROWS)";

    /// <summary>How an operator raises <see cref="MaxBytes"/>.</summary>
    public const string BytesSwitch = "--export-max-bytes (MCPFLOW_EXPORT_MAX_BYTES)";

    /// <summary>Wall-clock limit of one export, in seconds. Default: 300.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Most rows one export may write. Default: 10,000,000.</summary>
    public long MaxRows { get; set; } = DefaultMaxRows;

    /// <summary>Largest file one export may write, in bytes. Default: 1 GiB.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
