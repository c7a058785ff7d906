using McpFlow.Core.Charts;
using ScottPlot;

namespace McpFlow.Pipelines.Tuning;

/// <summary>The tuning chart: each round's score and the best so far against the round.</summary>
public static class TuneChart
{
    /// <summary>Renders and saves <c>best_so_far.png</c> in <paramref name="folder"/>.</summary>
    public static ChartImage BestSoFar(IReadOnlyList<TuneRound> rounds, string metric, bool maximize, string folder)
    {
        using var plot = new Plot();
        var scored = rounds.Where(r => r.Score is not null).ToList();
        if (scored.Count > 0)
        {
            var points = plot.Add.ScatterPoints(scored.Select(r => (double)r.Round).ToArray(), scored.Select(r => r.Score!.Value).ToArray());
            points.LegendText = "round score";
            points.MarkerSize = 6;
            var xs = new List<double>();
            var ys = new List<double>();
            double? best = null;
            foreach (var r in scored)
            {
                best = best is not { } b ? r.Score : maximize ? Math.Max(b, r.Score!.Value) : Math.Min(b, r.Score!.Value);
                xs.Add(r.Round);
                ys.Add(best!.Value);
            }

            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = "best so far";
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            plot.ShowLegend();
        }

        plot.Title($"Tuning: {metric} by round ({(maximize ? "higher" : "lower")} is better)");
        plot.XLabel("round");
        plot.YLabel($"{metric} (mean over folds)");
        return ChartRenderer.Render(plot, "best_so_far", folder);
    }
}
