using System.ComponentModel;
using System.Text.Json;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Data.Loading;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>analyze_dataframe</c> tool.</summary>
[McpServerToolType]
public sealed class AnalyzeDataframeTool(Profiler profiler, TableLoader loader, DataDatabase database, JobManager jobs, JobCalls calls)
{
    /// <summary>Tables up to this many rows are profiled within the call (about 2-4 s on 2 cores); larger ones as a job.</summary>
    public const long InlineRows = 2_000_000;

    /// <summary>Profiles a table.</summary>
    [McpServerTool(Name = "analyze_dataframe", Title = "Analyze a table (profile)",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Profiles a workspace table (or a file, loaded first): per column the semantic type, missing, distinct, min/max, mean, std, " +
                 "variance, quantiles, IQR, MAD, skewness and excess kurtosis, zeros, negatives, infinities, histogram, top values, text lengths; " +
                 "duplicates, type problems (numbers stored as text, mixed date formats), correlations (Pearson, Spearman, Cramér's V) and " +
                 "outliers (IQR fences, z-score), with alerts. Starts with a short summary of what matters. Computed inside DuckDB; exact up to " +
                 "1M rows, approximate (and labelled) above.")]
    public async Task<CallToolResult> Analyze(
        [Description("Workspace table, e.g. \"customers\". Give this or path.")] string? table = null,
        [Description("A data file to load first (then profiled under its derived table name), e.g. \"examples/data/customers.csv\".")] string? path = null,
        [Description("Only these columns, e.g. [\"customer_age\", \"purchase_amount\"]. Default: all.")] string[]? columns = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(table) == string.IsNullOrWhiteSpace(path))
            throw Core.Errors.McpFlowException.Invalid("Give exactly one of table or path.", "E.g. table=\"customers\", or path=\"examples/data/customers.csv\".");
        var name = table ?? loader.Load(path!, null, new LoadOptions(), force: false, cancellationToken).Table;
        long rows;
        using (var connection = database.Open())
            rows = TableCatalog.CountRows(connection, TableCatalog.Resolve(connection, name));
        if (rows <= InlineRows)
        {
            var profile = profiler.Profile(name, columns, null, cancellationToken);
            return ToolResults.Create(ProfileText.Render(profile), profile);
        }

        var handle = jobs.Start("analyze_dataframe", $"Profile {name}", ctx =>
        {
            var profile = profiler.Profile(name, columns, (f, m) => ctx.Report(f, m), ctx.CancellationToken);
            return Task.FromResult(new JobResult(ProfileText.Render(profile), JsonSerializer.SerializeToNode(profile, McpFlowJson.Options)));
        });
        return await calls.AwaitAsync(handle, progress, null, cancellationToken);
    }
}
