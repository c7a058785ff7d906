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
    [McpServerTool(Name = "data_load", Title = "Load a file into a workspace table",
        ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Loads a data file (CSV, TSV, Parquet, JSON/NDJSON, Excel, SQLite or DuckDB file; or a glob such as data/*.csv) into a " +
                 "named DuckDB table of the workspace. CSV dialect, header and types are detected and can be overridden; missing markers " +
                 "(N/A, -, NULL, blank, ...; configurable) become NULL before types are inferred. Returns the schema, " +
                 "row count, sample rows and what was detected. Loading the same file again refreshes the table when the file changed " +
                 "(an existing table of that name is replaced). Large files load as a background job. Files are checked before they are read " +
                 "(JSON nesting, column count, line length, workbook size; SQL stored in a DuckDB file must pass the same checks as client SQL) " +
                 "and every load has a time limit; a refused or stopped load leaves no table behind.")]
    public Task<CallToolResult> Load(
        [Description("File path or glob under an allowed folder, e.g. \"examples/data/customers.csv\" or \"data/2024-*.parquet\".")] string path,
        [Description("Table name to create, e.g. \"customers\". Default: derived from the file name.")] string? table = null,
        [Description("Format: auto, csv, tsv, parquet, json, ndjson, excel, sqlite, duckdb. Default auto (from the extension); e.g. \"csv\".")] string? format = null,
        [Description("CSV delimiter, e.g. \";\" or \"\\t\". Default: detected.")] string? delimiter = null,
        [Description("Whether the first CSV/Excel row is a header, e.g. true. Default: detected (Excel: true).")] bool? header = null,
        [Description("CSV text encoding: utf-8, utf-16 or latin-1. Default utf-8; e.g. \"latin-1\".")] string? encoding = null,
        [Description("Excel sheet name, e.g. \"Sheet2\". Default: the first sheet.")] string? sheet = null,
        [Description("Table (or view) inside a SQLite or DuckDB file, e.g. \"orders\". Default: the only one.")] string? source_table = null,
        [Description("Skip malformed rows and pad short ones with NULL instead of failing, e.g. true. Default false.")] bool ignore_errors = false,
        [Description("Reload even if the file has not changed since the last load, e.g. true. Default false.")] bool force = false,
        [Description("Text values read as missing (NULL), compared after trimming, case-sensitive; e.g. [\"N/A\", \"-\", \"\"]. Default: blank, N/A, n/a, NA, -, --, " +
                     "NULL, null, None, ?; [] keeps every value.")] string[]? missing_markers = null,
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
            return Task.FromResult(ToolResults.Create(LoadText.Render(inline), inline));
        }

        var handle = jobs.Start("data_load", $"Load {Path.GetFileName(path)}", ctx =>
        {
            ctx.Report(null, $"Loading {source.Files.Count:N0} file(s), {source.TotalSize:N0} bytes");
            var result = loader.Load(path, table, options, force, ctx.CancellationToken);
            return Task.FromResult(new JobResult(LoadText.Render(result), JsonSerializer.SerializeToNode(result, McpFlowJson.Options)));
        });
        return calls.AwaitAsync(handle, progress, null, cancellationToken);
    }
}
