using System.ComponentModel;
using McpFlow.Core.Mcp;
using McpFlow.Core.Runs;
using McpFlow.Data.Export;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_export</c> tool.</summary>
[McpServerToolType]
public sealed class ExportTool(DataExporter exporter, IApprovalGate gate)
{
    private const long BytesPerMegabyte = 1 << 20;

    /// <summary>Exports a table or query result.</summary>
    [McpServerTool(Name = "data_export", Title = "Export data",
        ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ExportResult))]
    [Description("Writes a table or query result to a CSV, JSON or Parquet file; overwrites only when asked.")]
    public CallToolResult Export(
        [Description("Output file, e.g. \"exports/sales.parquet\".")] string path,
        [Description("Table, e.g. \"sales\".")] string? table = null,
        [Description("SELECT query, e.g. \"SELECT * FROM sales\".")] string? sql = null,
        [Description("csv, json or parquet, e.g. \"csv\".")] string? format = null,
        [Description("Replace a file, e.g. true.")] bool overwrite = false,
        [Description("Approved run, if gated, e.g. \"run-20261123-101500-ab12cd\".")] string? run_id = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        gate.EnsureAllowed(GatedActions.Export, run_id);
        Action<long>? written = progress is null ? null : bytes => progress.Report(new ProgressNotificationValue
        {
            Progress = bytes / (float)BytesPerMegabyte,
            Message = $"{bytes / BytesPerMegabyte:N0} MB written",
        });
        var result = exporter.Export(table, sql, path, format, overwrite, written, cancellationToken);
        return ToolResults.Create($"Wrote {result.Rows:N0} rows to {result.Path} ({result.Format}, {result.Bytes:N0} bytes).", result);
    }
}
