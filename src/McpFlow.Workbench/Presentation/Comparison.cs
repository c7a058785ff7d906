using System.Globalization;
using System.Text;

namespace McpFlow.Workbench.Presentation;

/// <summary>A comparison table: one row per run of an experiment or sweep, ranked by one metric.</summary>
/// <param name="Experiment">The experiment, or null for all runs.</param>
/// <param name="MetricNames">Metric columns.</param>
/// <param name="RankBy">Metric the rows are ranked by, if any.</param>
/// <param name="LowerIsBetter">Direction of <paramref name="RankBy"/> (losses and errors: lower is better).</param>
/// <param name="BestRunId">The best run by <paramref name="RankBy"/>.</param>
/// <param name="Rows">Rows, best first.</param>
public sealed record Comparison(string? Experiment, IReadOnlyList<string> MetricNames, string? RankBy, bool LowerIsBetter, string? BestRunId,
    IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>The table as Markdown (the best run in bold).</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine("| run | title | state | checks | " + string.Join(" | ", MetricNames.Select(Markdown.Cell)) + " |")
            .AppendLine("|---|---|---|---|" + string.Concat(MetricNames.Select(_ => "---|")));
        foreach (var r in Rows)
        {
            var best = r.RunId == BestRunId ? "**" : "";
            var checks = r.ChecksTotal is { } t ? $"{r.ChecksPassed}/{t}" : "–";
            var metrics = MetricNames.Select(n => r.Metrics.TryGetValue(n, out var v) ? Markdown.Number(v) : "–");
            text.AppendLine($"| {best}`{r.RunId}`{best} | {Markdown.Cell(r.Title)} | {r.State} | {checks} | {string.Join(" | ", metrics)} |");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The table as CSV (RFC 4180).</summary>
    public string ToCsv()
    {
        var text = new StringBuilder().AppendLine(string.Join(",", FixedColumns.Concat(MetricNames).Select(Quote)));
        foreach (var r in Rows)
        {
            var cells = new[] { r.RunId, r.Title, r.State, r.Attempt.ToString(CultureInfo.InvariantCulture),
                    r.ChecksPassed?.ToString(CultureInfo.InvariantCulture) ?? "", r.ChecksTotal?.ToString(CultureInfo.InvariantCulture) ?? "" }
                .Concat(MetricNames.Select(n => r.Metrics.TryGetValue(n, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : ""));
            text.AppendLine(string.Join(",", cells.Select(Quote)));
        }

        return text.ToString();
    }

    private static readonly string[] FixedColumns = ["run_id", "title", "state", "attempt", "checks_passed", "checks_total"];

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
