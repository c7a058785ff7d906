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
    [McpServerTool(Name = "workbench_report", Title = "Write the final report (approved results only)", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Writes the final Markdown report into the workspace's reports folder with ONLY approved runs and their approved " +
                 "interpretations (other runs are listed as not included, without their results). Gated: refused when a named run is " +
                 "not APPROVED, when no run is approved, or when an approved run's inputs changed or its records were edited.")]
    public CallToolResult Report(
        [Description("Report title, one line of at most 200 characters (it also names the file), e.g. \"Ridge sweep: final results\".")] string title,
        [Description("Only runs of this experiment, e.g. \"ridge-sweep\". Default: all runs.")] string? experiment = null,
        [Description("Exactly these runs (each must be APPROVED), e.g. [\"run-20261123-101500-ab12cd\"]. Default: every approved run of the experiment.")] string[]? run_ids = null,
        CancellationToken cancellationToken = default)
    {
        var report = writer.Write(title.Trim(), experiment, run_ids, cancellationToken);
        var text = $"Report written to {report.Path} with {report.Included.Count} approved run(s)" +
                   (report.Excluded.Count > 0 ? $"; {report.Excluded.Count} run(s) not included because they are not approved." : ".") +
                   "\n\n" + report.Markdown;
        return ToolResults.Create(text, report);
    }
}
