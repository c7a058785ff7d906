using System.ComponentModel;
using McpFlow.Core.Mcp;
using McpFlow.Workbench.Presentation;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpFlow.Workbench.Tools;

/// <summary>The <c>workbench_compare</c> tool.</summary>
[McpServerToolType]
public sealed class CompareTool(RunComparer comparer, ReportFiles files)
{
    /// <summary>Compares runs.</summary>
    [McpServerTool(Name = "workbench_compare", Title = "Compare runs", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Compares an experiment's runs in a table ranked by a metric, with a chart.")]
    public async Task<CallToolResult> Compare(
        [Description("Experiment, e.g. \"ridge\".")] string? experiment = null,
        [Description("Metrics, e.g. [\"rmse\"].")] string[]? metrics = null,
        [Description("Rank metric, e.g. \"rmse\".")] string? rank_by = null,
        CancellationToken cancellationToken = default)
    {
        var comparison = comparer.Compare(experiment, metrics, rank_by, cancellationToken);
        var folder = files.ComparisonsFolder;
        var csvPath = ReportFiles.NewFile(folder, "compare-" + (experiment ?? "all"), ".csv", unique: false);
        await File.WriteAllTextAsync(csvPath, comparison.ToCsv(), cancellationToken);
        var chart = RunComparer.Chart(comparison, folder);
        var text = $"{comparison.Rows.Count} run(s){(experiment is null ? "" : $" of {experiment}")}" +
                   (comparison.RankBy is null ? "" : $", ranked by {comparison.RankBy} ({(comparison.LowerIsBetter ? "lower" : "higher")} is better); best: {comparison.BestRunId}") +
                   $"\n\n{comparison.ToMarkdown()}\n\nCSV: {csvPath}" + (chart?.Path is { } p ? $"\nChart: {p}" : "");
        return ToolResults.Create(text, new { comparison, csvPath, chartPath = chart?.Path },
            chart is null ? null : [ToolResults.Png(chart.Png)]);
    }
}
