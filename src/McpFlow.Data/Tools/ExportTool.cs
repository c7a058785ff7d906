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
    [McpServerTool(Name = "data_export", Title = "Export a table or query result",
        ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ExportResult))]
    [Description("Writes a workspace table or a SELECT query's result to a CSV, JSON (newline-delimited) or Parquet file under an allowed folder. " +
                 "An existing file is only replaced with overwrite=true, and only once the whole export is written; an export past the configured row, size or time limit writes nothing. When exports are gated (workbench.json), the export must name " +
                 "the APPROVED workbench run whose results it publishes.")]
    public CallToolResult Export(
        [Description("Output file, e.g. \"exports/customers_clean.parquet\"; the format follows the extension unless format is given.")] string path,
        [Description("Table to export, e.g. \"customers_v2\". Give this or sql.")] string? table = null,
        [Description("SELECT query whose result to export, e.g. \"SELECT region, avg(purchase_amount) FROM customers GROUP BY region\".")] string? sql = null,
        [Description("csv, json or parquet. Default: from the extension; e.g. \"parquet\".")] string? format = null,
        [Description("Replace an existing file, e.g. true. Default false.")] bool overwrite = false,
        [Description("APPROVED workbench run whose results this export publishes; required only when exports are gated, e.g. \"run-20261123-101500-ab12cd\".")] string? run_id = null,
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
