using System.ComponentModel;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Data.Profiling;
using McpFlow.Data.Reports;
using McpFlow.Data.Storage;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Data.Tools;

/// <summary>The <c>generate_eda_report</c> tool.</summary>
[McpServerToolType]
public sealed class GenerateEdaReportTool(EdaReportGenerator generator, EdaReportJob reports, DataDatabase database, JobManager jobs, JobCalls calls)
{
    /// <summary>Generates a report.</summary>
    [McpServerTool(Name = "generate_eda_report", Title = "Generate an EDA report",
        ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Writes an EDA report of a table (Markdown, HTML, JSON) into the workspace.")]
    public async Task<CallToolResult> Generate(
        [Description("Table, e.g. \"customers\".")] string table,
        [Description("Formats, e.g. [\"html\"].")] string[]? formats = null,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        EdaReportGenerator.Wanted(formats);
        if (InlineBudget.Fits(database, table, null))
        {
            var report = generator.Generate(table, formats, null, cancellationToken);
            return ToolResults.Create(EdaReportText.Text(report), report, EdaReportText.NextSteps(report), [Link(report)]);
        }

        // In team mode a worker serving the 'reports' queue writes it, rebuilt from these parameters (EdaReportJob).
        var handle = jobs.StartDistributable(EdaReportJob.Kind, $"EDA report of {table}", reports.Parameters(table, formats),
            ctx => Task.FromResult(reports.Run(table, formats, ctx)));
        return await calls.AwaitAsync(handle, progress, null, cancellationToken);
    }

    private static ResourceLinkBlock Link(EdaReport r) => new()
    {
        Uri = $"mcpflow://data/reports/{r.Name}",
        Name = r.Name,
        Title = $"EDA report of {r.Table}",
        MimeType = "text/markdown",
        Description = $"EDA report of table {r.Table} (Markdown; HTML and JSON alongside in {r.Folder}).",
    };
}
