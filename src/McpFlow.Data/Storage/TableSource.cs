namespace McpFlow.Data.Storage;

/// <summary>Where a loaded table came from.</summary>
/// <param name="Path">File or glob it was loaded from.</param>
/// <param name="Format">Format name, e.g. <c>csv</c>.</param>
/// <param name="Options">Load options as JSON.</param>
/// <param name="FileSize">Total bytes of the source at load time.</param>
/// <param name="FileModified">Newest modification time of the source at load time (UTC).</param>
/// <param name="LoadedAt">When it was loaded (UTC).</param>
/// <param name="Detected">What was detected (delimiter, header, sheet, ...).</param>
public sealed record TableSource(string Path, string Format, string Options, long FileSize, DateTime FileModified, DateTime LoadedAt,
    IReadOnlyDictionary<string, string> Detected)
{
    /// <summary>Prefix of <see cref="Path"/> for a table read from a database source (<c>db:warehouse/sales.orders</c>).</summary>
    public const string DatabasePrefix = "db:";
}
