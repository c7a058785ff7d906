using System.ComponentModel;
using System.Text.Json;
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
public sealed class GenerateEdaReportTool(EdaReportGenerator generator, DataDatabase database, JobManager jobs, JobCalls calls)
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
            return ToolResults.Create(Text(report), report, NextSteps(report), [Link(report)]);
        }

        var handle = jobs.Start("generate_eda_report", $"EDA report of {table}", ctx =>
        {
            var report = generator.Generate(table, formats, (f, m) => ctx.Report(f, m), ctx.CancellationToken);
            return Task.FromResult(new JobResult(Text(report), JsonSerializer.SerializeToNode(report, McpFlowJson.Options))
            {
                NextSteps = NextSteps(report),
            });
        });
        return await calls.AwaitAsync(handle, progress, null, cancellationToken);
    }

    private static string Text(EdaReport r) =>
        $"{r.Summary}\n\nReport '{r.Name}' written ({string.Join(", ", r.Files.Keys)}; {r.Charts.Count} charts; {r.Alerts} alerts; {r.Recommendations} recommendations) " +
        $"in {r.ElapsedMs / 1000:F1} s:\n" + string.Join("\n", r.Files.Select(f => $"- {f.Key}: {f.Value}"));

    // The answer's next steps (end of the text and the structured nextSteps, inline or from the job).
    private static List<string> NextSteps(EdaReport r)
    {
        var steps = new List<string> { $"Read the report as resource mcpflow://data/reports/{r.Name}." };
        if (r.Recommendations > 0)
            steps.Add($"Apply its fixes: suggest_transformations (table=\"{r.Table}\"), then data_apply_transformation with a before/after preview.");
        return steps;
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
