using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Data.Sources;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>data_load_source</c> tool.</summary>
[McpServerToolType]
public sealed class LoadSourceTool(SourceLoader loader, SourceRegistry sources, JobManager jobs, JobCalls calls)
{
    /// <summary>Reads a table or query of a configured database source into a workspace table, as a background job.</summary>
    [McpServerTool(Name = "data_load_source", Title = "Load from a database",
        ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Loads a table or read-only SELECT from a configured database into a table, replacing one of that name.")]
    public Task<CallToolResult> Load(
        [Description("e.g. \"warehouse\".")] string source,
        [Description("e.g. \"sales.orders\".")] string? source_table = null,
        [Description("e.g. \"SELECT id FROM t\".")] string? query = null,
        [Description("Table to create, e.g. \"orders\".")] string? table = null,
        [Description("Max rows, e.g. 1000.")] int? limit = null,
        [Description("e.g. 5 (%).")] double? sample_percent = null,
        [Description("Seed, e.g. 42.")] int seed = 0,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if ((source_table is null) == (query is null))
            throw McpFlowException.Invalid("Give exactly one of source_table and query.", "e.g. source_table \"sales.orders\", or query \"SELECT id, total FROM sales.orders\".");
        if (limit is < 1)
            throw McpFlowException.Invalid($"limit must be at least 1 (got {limit}).", "e.g. limit 1000.");
        if (sample_percent is not null && !(sample_percent > 0 && sample_percent <= 100))
            throw McpFlowException.Invalid("sample_percent must be more than 0 and at most 100.", "e.g. sample_percent 5 keeps about 5% of the rows.");
        var tableName = source_table is null ? null : SourceTableName.Parse(source_table);
        // The source is looked up before any job starts: the job's title and progress name only a configured source.
        var configured = sources.Get(source);
        var checkedQuery = query is null ? null : SourceQuery.Check(query, configured.IsMySql);
        var target = table ?? tableName?.Name
            ?? throw McpFlowException.Invalid("table is required with query: name the workspace table to create, e.g. \"orders\".");
        var read = new SourceRead(tableName, checkedQuery, limit, sample_percent, seed);
        var name = configured.Name;
        var handle = jobs.Start("data_load_source", $"Load {read.What} from {name}", async ctx =>
        {
            ctx.Report(null, $"Reading {read.What} from source '{name}'");
            var result = await loader.LoadAsync(name, read, target, rows => ctx.Report(null, $"{rows:N0} rows loaded"), ctx.CancellationToken).ConfigureAwait(false);
            return new JobResult(SourceLoadText.Render(result), JsonSerializer.SerializeToNode(result, McpFlowJson.Options)) { NextSteps = SourceLoadText.NextSteps(result) };
        });
        return calls.AwaitAsync(handle, progress, null, cancellationToken);
    }
}
