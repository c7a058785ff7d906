using McpFlow.Core.Charts;
using ScottPlot;

namespace McpFlow.Pipelines.Ensembles;

/// <summary>Bar chart of the primary metric of each member and ensemble, mean ± sd over the folds.</summary>
public static class EnsembleChart
{
    /// <summary>Draws the chart into <paramref name="folder"/> as <c>ensembles.png</c>.</summary>
    public static ChartImage Render(EnsembleResult r, string folder)
    {
        using var plot = new Plot();
        var bars = r.Results.Select((row, i) => new Bar
        {
            Position = i, Value = double.IsFinite(row.Mean) ? row.Mean : 0, Error = double.IsFinite(row.Std) ? row.Std : 0,
            FillColor = row.IsEnsemble ? (row.Name == r.Best ? Colors.SeaGreen : Colors.Orange) : row.Name == r.BestSingle ? Colors.SteelBlue : Colors.LightSteelBlue,
        }).ToArray();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Length).Select(i => (double)i).ToArray(), r.Results.Select(row => row.Name).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 20;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{r.PrimaryMetric} ({(r.Maximize ? "higher" : "lower")} is better), mean ± sd over {r.Folds} folds");
        plot.YLabel(r.PrimaryMetric);
        return ChartRenderer.Render(plot, "ensembles", folder);
    }
}
