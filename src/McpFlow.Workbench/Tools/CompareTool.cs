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
    [McpServerTool(Name = "workbench_compare", Title = "Compare the runs of an experiment", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Builds a comparison table with one row per run of an experiment or sweep (state, self-review, key metrics), ranked by " +
                 "a metric (lower is better for losses and errors), best run in bold; returns Markdown, saves the table as CSV and a bar " +
                 "chart (approved runs green, rejected red) in the workspace's reports/comparisons folder.")]
    public async Task<CallToolResult> Compare(
        [Description("Experiment or sweep name, e.g. \"ridge-sweep\". Default: all runs.")] string? experiment = null,
        [Description("Metric columns, e.g. [\"rmse\", \"r2\"]. Default: the most common metrics (up to 8).")] string[]? metrics = null,
        [Description("Metric to rank by, e.g. \"rmse\". Default: the first metric column.")] string? rank_by = null,
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
