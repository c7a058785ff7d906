using McpFlow.Core.Charts;
using ScottPlot;

namespace McpFlow.Physics.Training;

/// <summary>The loss chart of a run: log10 of the total loss and of each component against the step.</summary>
public static class LossChart
{
    /// <summary>Renders the chart into the run folder as <c>loss.png</c>; <paramref name="targetLoss"/> is drawn when given.</summary>
    public static ChartImage Render(PinnRun run, double? targetLoss = null)
    {
        var history = run.History();
        using var plot = new Plot();
        Add(plot, history, r => r.Loss, "total loss");
        foreach (var name in history.SelectMany(r => r.Components.Keys).Distinct().ToList())
            Add(plot, history, r => r.Components.GetValueOrDefault(name, double.NaN), name);
        if (targetLoss is > 0)
        {
            var line = plot.Add.HorizontalLine(Math.Log10(targetLoss.Value));
            line.LegendText = $"target {targetLoss:G3}";
            line.LinePattern = LinePattern.Dashed;
        }

        var lbfgs = history.FirstOrDefault(r => r.Phase == "lbfgs");
        if (lbfgs is not null)
        {
            var v = plot.Add.VerticalLine(lbfgs.Step);
            v.LegendText = "L-BFGS starts";
            v.LinePattern = LinePattern.Dotted;
        }

        plot.Title($"PINN run {run.Id}");
        plot.XLabel("step");
        plot.YLabel("log10 loss");
        plot.ShowLegend();
        return ChartRenderer.Render(plot, "loss", run.Folder);
    }

    private static void Add(Plot plot, IReadOnlyList<StepRecord> history, Func<StepRecord, double> value, string label)
    {
        var points = history.Select(r => (X: (double)r.Step, Y: value(r))).Where(p => p.Y > 0 && double.IsFinite(p.Y)).ToList();
        if (points.Count == 0)
            return;
        var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => Math.Log10(p.Y)).ToArray());
        line.LegendText = label;
    }
}
