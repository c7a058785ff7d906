using McpFlow.Core.Charts;
using McpFlow.Data.Profiling;
using McpFlow.Data.Transformations;
using ScottPlot;

namespace McpFlow.Data.Reports;

/// <summary>The report's charts, drawn from the profile alone (no further scans): histograms, a missing-values
/// bar chart, a Pearson correlation heatmap, and box plots of standardised quartiles.</summary>
internal static class ReportCharts
{
    /// <summary>Most histograms drawn in one report.</summary>
    public const int MaxHistograms = 12;

    public static ImageBlock? Missing(TableProfile profile, string folder)
    {
        if (profile.Columns.Count == 0)
            return null;
        using var plot = new Plot();
        var bars = plot.Add.Bars(profile.Columns.Select(c => c.MissingShare * 100).ToArray());
        bars.Color = Colors.IndianRed;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, profile.Columns.Count).Select(i => (double)i).ToArray(), profile.Columns.Select(c => c.Name).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.YLabel("% missing");
        plot.Title("Missing values per column");
        plot.Axes.Margins(bottom: 0);
        var chart = ChartRenderer.Render(plot, "missing", folder);
        return new ImageBlock("Missing values per column", chart.Path!);
    }

    public static IEnumerable<ImageBlock> Histograms(TableProfile profile, string folder) =>
        profile.Columns.Where(c => c.Numeric?.Histogram is not null).Take(MaxHistograms).Select(c =>
        {
            var chart = HistogramChart.Render(c.Numeric!.Histogram!, $"{c.Name} (skew {c.Numeric.Skewness:F2})", $"hist_{c.Name}", folder);
            return new ImageBlock($"Histogram of {c.Name}", chart.Path!);
        });

    public static ImageBlock? Correlation(TableProfile profile, string folder)
    {
        var names = profile.Correlations.Where(c => c.Method == "pearson").SelectMany(c => new[] { c.A, c.B }).Distinct().ToList();
        if (names.Count < 2)
            return null;
        var matrix = new double[names.Count, names.Count];
        for (var i = 0; i < names.Count; i++)
            matrix[i, i] = 1;
        foreach (var c in profile.Correlations.Where(c => c.Method == "pearson"))
        {
            int a = names.IndexOf(c.A), b = names.IndexOf(c.B);
            matrix[a, b] = c.Value; // ScottPlot draws row 0 at the top (y = n − 1) and column j at x = j
            matrix[b, a] = c.Value;
        }

        using var plot = new Plot();
        var heatmap = plot.Add.Heatmap(matrix);
        heatmap.Colormap = new ScottPlot.Colormaps.MellowRainbow();
        heatmap.ManualRange = new ScottPlot.Range(-1, 1);
        plot.Add.ColorBar(heatmap);
        var ticks = Enumerable.Range(0, names.Count).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, names.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Left.SetTicks(ticks, Enumerable.Reverse(names).ToArray());
        plot.Title("Pearson correlation");
        var chart = ChartRenderer.Render(plot, "correlation", folder, 700, 600);
        return new ImageBlock("Pearson correlation heatmap", chart.Path!);
    }

    public static ImageBlock? Boxes(TableProfile profile, string folder)
    {
        var numeric = profile.Columns.Where(c => c.SemanticType == "numeric" && c.Numeric is { Std: > 0, Mean: not null }).ToList();
        if (numeric.Count == 0)
            return null;
        using var plot = new Plot();
        for (var i = 0; i < numeric.Count; i++)
        {
            var n = numeric[i].Numeric!;
            double Z(string q) => ((n.Quantiles.GetValueOrDefault(q) ?? n.Mean!.Value) - n.Mean!.Value) / n.Std!.Value;
            plot.Add.Box(new Box { Position = i, WhiskerMin = Z("p5"), BoxMin = Z("p25"), BoxMiddle = Z("p50"), BoxMax = Z("p75"), WhiskerMax = Z("p95") });
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, numeric.Count).Select(i => (double)i).ToArray(), numeric.Select(c => c.Name).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.YLabel("standardised value (z)");
        plot.Title("Box plots (box Q1–Q3, line median, whiskers P5–P95)");
        var chart = ChartRenderer.Render(plot, "boxplots", folder);
        return new ImageBlock("Box plots of standardised values", chart.Path!);
    }
}
