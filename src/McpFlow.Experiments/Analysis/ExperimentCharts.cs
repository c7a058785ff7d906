using System.Globalization;
using McpFlow.Core.Charts;
using McpFlow.Experiments.Tracking;
using ScottPlot;

namespace McpFlow.Experiments.Analysis;

/// <summary>Charts of the experiments group: metric curves and metric vs a parameter.</summary>
public static class ExperimentCharts
{
    /// <summary>One line per run: the metric against the step.</summary>
    public static ChartImage Curves(string title, string metric, IEnumerable<(string Label, IReadOnlyList<MlflowMetric> History)> series, string name, string? folder, long? markStep = null)
    {
        using var plot = new Plot();
        foreach (var (label, history) in series)
        {
            var points = history.Where(h => double.IsFinite(h.Value)).ToList();
            if (points.Count == 0)
                continue;
            var line = plot.Add.Scatter(points.Select(p => (double)p.Step).ToArray(), points.Select(p => p.Value).ToArray());
            line.LegendText = label;
            line.MarkerSize = points.Count > 50 ? 0 : 4;
        }

        if (markStep is { } s)
        {
            var v = plot.Add.VerticalLine(s);
            v.LinePattern = LinePattern.Dashed;
            v.LegendText = "plateau starts";
        }

        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel(metric);
        plot.ShowLegend(Alignment.LowerRight);
        return ChartRenderer.Render(plot, name, folder);
    }

    /// <summary>The metric against one parameter (log x-axis when the values span two orders of magnitude).</summary>
    public static ChartImage MetricVsParam(string metric, string param, IReadOnlyList<MlflowRun> runs, string name, string? folder)
    {
        var pairs = runs.Where(r => r.Metric(metric) is { } m && double.IsFinite(m) && r.Params.TryGetValue(param, out var p)
                                    && double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(r => (x: double.Parse(r.Params[param], CultureInfo.InvariantCulture), y: r.Metric(metric)!.Value)).ToList();
        using var plot = new Plot();
        var log = pairs.Count > 0 && pairs.Min(p => p.x) > 0 && pairs.Max(p => p.x) / pairs.Min(p => p.x) >= 100;
        var xs = pairs.Select(p => log ? Math.Log10(p.x) : p.x).ToArray();
        var dots = plot.Add.ScatterPoints(xs, pairs.Select(p => p.y).ToArray());
        dots.MarkerSize = 8;
        plot.Title($"{metric} vs {param}");
        plot.XLabel(log ? $"log10({param})" : param);
        plot.YLabel(metric);
        return ChartRenderer.Render(plot, name, folder);
    }
}
