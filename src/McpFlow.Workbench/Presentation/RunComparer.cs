using McpFlow.Core.Charts;
using McpFlow.Core.Errors;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Review;
using McpFlow.Workbench.Runs;
using ScottPlot;

namespace McpFlow.Workbench.Presentation;

/// <summary>Builds comparison tables and their bar charts.</summary>
public sealed class RunComparer(RunStore store)
{
    /// <summary>Metric columns shown when none are chosen, at most.</summary>
    public const int DefaultMaxMetrics = 8;

    /// <summary>Longest bar label (characters) before it is shortened from the start.</summary>
    public const int MaxLabelLength = 24;

    /// <summary>Compares the runs of <paramref name="experiment"/> (all runs when null).</summary>
    /// <param name="experiment">Experiment or sweep name.</param>
    /// <param name="metrics">Metric columns (default: the most common ones, up to <see cref="DefaultMaxMetrics"/>).</param>
    /// <param name="rankBy">Metric to rank by (default: the first metric column).</param>
    /// <param name="cancellationToken">Stops between runs (each is read and verified from disk).</param>
    public Comparison Compare(string? experiment, IReadOnlyList<string>? metrics = null, string? rankBy = null, CancellationToken cancellationToken = default)
    {
        var rows = new List<ComparisonRow>();
        foreach (var read in store.LoadEach(store.Ids(), cancellationToken))
        {
            if (read.Run is { } run)
            {
                if (experiment is not null && !string.Equals(run.Manifest.Experiment, experiment, StringComparison.OrdinalIgnoreCase))
                    continue;
                rows.Add(new ComparisonRow(read.RunId, run.Manifest.Title, run.State.Name(), run.Manifest.Attempt, run.Review?.Passed,
                    run.Review?.Checks.Count, run.Manifest.Metrics));
            }
            else if (experiment is null)
            {
                rows.Add(new ComparisonRow(read.RunId, "(records cannot be trusted)", "CORRUPTED", 0, null, null, new Dictionary<string, double>(), read.Problem!.Message));
            }
        }

        if (rows.Count == 0)
            throw McpFlowException.NotFound(experiment is null ? "There are no workbench runs yet." : $"No run belongs to experiment '{experiment}'.",
                "Record runs with workbench_record_run (experiment=\"…\"), or call workbench_list_runs to see the experiments.");
        var columns = metrics is { Count: > 0 }
            ? metrics.ToList()
            : rows.SelectMany(r => r.Metrics.Keys).GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).Take(DefaultMaxMetrics).ToList();
        var rank = rankBy ?? columns.FirstOrDefault();
        if (rank is not null && !rows.Any(r => r.Metrics.ContainsKey(rank)))
            throw McpFlowException.Invalid($"No run has the metric '{rank}'.", $"Metrics present: {string.Join(", ", rows.SelectMany(r => r.Metrics.Keys).Distinct())}.");
        if (rank is not null)
            columns = [rank, .. columns.Where(c => c != rank)]; // the ranking metric comes first
        var lower = rank is not null && MetricKinds.LowerIsBetter(rank);
        var ordered = rank is null
            ? rows
            : rows.OrderBy(r => r.Metrics.TryGetValue(rank, out var v) && double.IsFinite(v) ? 0 : 1)
                .ThenBy(r => r.Metrics.TryGetValue(rank, out var v) ? (lower ? v : -v) : 0).ToList();
        var best = rank is null ? null : ordered.FirstOrDefault(r => r.Metrics.TryGetValue(rank, out var v) && double.IsFinite(v))?.RunId;
        return new Comparison(experiment, columns, rank, lower, best, ordered);
    }

    /// <summary>A bar chart of the ranking metric per run (approved green, rejected red, others grey), saved in <paramref name="folder"/>.</summary>
    public static ChartImage? Chart(Comparison comparison, string folder)
    {
        if (comparison.RankBy is not { } metric)
            return null;
        var rows = comparison.Rows.Where(r => r.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v)).ToList();
        if (rows.Count == 0)
            return null;
        using var plot = new Plot();
        var bars = rows.Select((r, i) => new Bar
        {
            Position = i,
            Value = r.Metrics[metric],
            FillColor = r.State switch
            {
                "APPROVED" => Colors.SeaGreen,
                "REJECTED" => Colors.IndianRed,
                _ => Colors.SlateGray,
            },
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(),
            rows.Select(r => r.Title.Length > MaxLabelLength ? "…" + r.Title[^(MaxLabelLength - 1)..] : r.Title).ToArray()); // the end of a title usually names the variant
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{metric} by run{(comparison.Experiment is null ? "" : " — " + comparison.Experiment)} (green approved, red rejected)");
        plot.YLabel(metric + (comparison.LowerIsBetter ? " (lower is better)" : " (higher is better)"));
        return ChartRenderer.Render(plot, "compare-" + (comparison.Experiment ?? "all") + "-" + metric, folder);
    }
}
