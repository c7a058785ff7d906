using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Files;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Data.Loading;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_load</c> tool.</summary>
[McpServerToolType]
public sealed class LoadTool(TableLoader loader, FileAccessGuard guard, JobManager jobs, JobCalls calls)
{
    /// <summary>Sources up to this size load within the call; larger ones as a background job (DuckDB reads
    /// CSV at roughly 50-100 MB/s on 2 cores, so this stays well under the ~20 s a call should take).</summary>
    public const long InlineLoadBytes = 64L << 20;

    /// <summary>Loads a file into a workspace table.</summary>
    [McpServerTool(Name = "data_load", Title = "Load a file",
        ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Loads a file or glob (CSV, Parquet, JSON, Excel, SQLite, DuckDB) into a table, replacing one of that name.")]
    public Task<CallToolResult> Load(
        [Description("File or glob, e.g. \"data/sales.csv\".")] string path,
        [Description("Table to create, e.g. \"sales\".")] string? table = null,
        [Description("File format, e.g. \"csv\".")] string? format = null,
        [Description("CSV delimiter, e.g. \";\".")] string? delimiter = null,
        [Description("First row is a header, e.g. true.")] bool? header = null,
        [Description("Text encoding, e.g. \"latin-1\".")] string? encoding = null,
        [Description("Excel sheet, e.g. \"Sheet2\".")] string? sheet = null,
        [Description("Table in the SQLite/DuckDB file, e.g. \"orders\".")] string? source_table = null,
        [Description("Skip bad rows, e.g. true.")] bool ignore_errors = false,
        [Description("Reload if unchanged, e.g. true.")] bool force = false,
        [Description("Values read as NULL, e.g. [\"N/A\", \"-\"].")] string[]? missing_markers = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var options = new LoadOptions
        {
            Format = format, Delimiter = delimiter, Header = header, Encoding = encoding, Sheet = sheet, SourceTable = source_table, IgnoreErrors = ignore_errors,
            MissingMarkers = missing_markers,
        };
        var source = SourceFiles.Find(guard, path);
        if (source.TotalSize <= InlineLoadBytes)
        {
            var inline = loader.Load(path, table, options, force, cancellationToken);
            return Task.FromResult(ToolResults.Create(LoadText.Render(inline), inline, LoadText.NextSteps(inline)));
        }

        var handle = jobs.Start("data_load", $"Load {Path.GetFileName(path)}", ctx =>
        {
            ctx.Report(null, $"Loading {source.Files.Count:N0} file(s), {source.TotalSize:N0} bytes");
            var result = loader.Load(path, table, options, force, ctx.CancellationToken);
            return Task.FromResult(new JobResult(LoadText.Render(result), JsonSerializer.SerializeToNode(result, McpFlowJson.Options))
            {
                NextSteps = LoadText.NextSteps(result),
            });
        });
        return calls.AwaitAsync(handle, progress, null, cancellationToken);
    }
}
