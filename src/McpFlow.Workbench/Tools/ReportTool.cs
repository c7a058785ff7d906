using System.ComponentModel;
using McpFlow.Core.Mcp;
using McpFlow.Workbench.Presentation;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_report</c> tool.</summary>
[McpServerToolType]
public sealed class ReportTool(FinalReportWriter writer)
{
    /// <summary>Writes the final report.</summary>
    [McpServerTool(Name = "workbench_report", Title = "Write the final report", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Writes the final report from approved runs only.")]
    public CallToolResult Report(
        [Description("Title, e.g. \"Ridge results\".")] string title,
        [Description("Experiment, e.g. \"ridge\".")] string? experiment = null,
        [Description("Runs, e.g. [\"run-20261123-101500-ab12cd\"].")] string[]? run_ids = null,
        CancellationToken cancellationToken = default)
    {
        var report = writer.Write(title.Trim(), experiment, run_ids, cancellationToken);
        var text = $"Report written to {report.Path} with {report.Included.Count} approved run(s)" +
                   (report.Excluded.Count > 0 ? $"; {report.Excluded.Count} run(s) not included because they are not approved." : ".") +
                   "\n\n" + report.Markdown;
        return ToolResults.Create(text, report);
    }
}
