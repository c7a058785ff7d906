using McpFlow.Core.Charts;
using ScottPlot;

namespace McpFlow.Pipelines.Series;

/// <summary>The series in time order with its spikes marked and its change points drawn as vertical lines.</summary>
public static class SeriesEventChart
{
    /// <summary>Renders and saves the chart in <paramref name="folder"/>.</summary>
    public static ChartImage Render(IReadOnlyList<double> values, SeriesEvents events, string title, string name, string folder)
    {
        using var plot = new Plot();
        var finite = Enumerable.Range(0, values.Count).Where(t => double.IsFinite(values[t])).ToArray();
        plot.Add.ScatterLine(finite.Select(t => (double)t).ToArray(), finite.Select(t => values[t]).ToArray()).LegendText = "value";
        if (events.Spikes.Count > 0)
        {
            var dots = plot.Add.ScatterPoints(events.Spikes.Select(s => (double)s.Index).ToArray(), events.Spikes.Select(s => s.Value).ToArray());
            dots.Color = Colors.Red;
            dots.MarkerSize = 9;
            dots.LegendText = $"spikes ({events.Spikes.Count})";
        }

        foreach (var (change, i) in events.ChangePoints.Select((c, i) => (c, i)))
        {
            var line = plot.Add.VerticalLine(change.Index);
            line.Color = Colors.DarkOrange;
            if (i == 0)
                line.LegendText = $"change points ({events.ChangePoints.Count})";
        }

        plot.ShowLegend();
        plot.Title(title);
        plot.XLabel("row (time order)");
        return ChartRenderer.Render(plot, name, folder);
    }
}
