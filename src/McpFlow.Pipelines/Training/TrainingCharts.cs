using McpFlow.Core.Charts;
using ScottPlot;

namespace McpFlow.Pipelines.Training;

/// <summary>Charts of a trained pipeline: confusion matrix, feature importance, actual vs predicted.</summary>
public static class TrainingCharts
{
    /// <summary>Largest number of features shown in the importance chart.</summary>
    public const int MaxFeaturesShown = 15;

    /// <summary>Heat map of out-of-fold confusion counts (rows actual, columns predicted) with counts written in cells.</summary>
    public static ChartImage Confusion(long[,] counts, IReadOnlyList<string> classes, string folder)
    {
        var k = classes.Count;
        using var plot = new Plot();
        var data = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
                data[i, j] = counts[i, j];
        }

        var heat = plot.Add.Heatmap(data);
        heat.Colormap = new ScottPlot.Colormaps.Blues();
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var label = plot.Add.Text(counts[i, j].ToString(System.Globalization.CultureInfo.InvariantCulture), j, k - 1 - i);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 16;
            }
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, k).Select(i => (double)i).ToArray(), classes.ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, k).Select(i => (double)(k - 1 - i)).ToArray(), classes.ToArray());
        plot.Title("Confusion matrix (out-of-fold)");
        plot.XLabel("predicted");
        plot.YLabel("actual");
        return ChartRenderer.Render(plot, "confusion_matrix", folder, 640, 560);
    }

    /// <summary>Horizontal bars of permutation importance (top features), each with its spread (± one standard deviation).</summary>
    public static ChartImage Importance(IReadOnlyList<FeatureWeight> importance, string metric, string folder)
    {
        var top = importance.Take(MaxFeaturesShown).Reverse().ToList();
        using var plot = new Plot();
        var bars = plot.Add.Bars(top.Select((t, i) => new ScottPlot.Bar { Position = i, Value = t.Importance, Error = t.Std }).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, top.Count).Select(i => (double)i).ToArray(), top.Select(t => t.Feature).ToArray());
        plot.Title($"Permutation feature importance (worsening of {metric}, ± sd over folds × shuffles)");
        return ChartRenderer.Render(plot, "feature_importance", folder);
    }

    /// <summary>Actual and out-of-fold predicted values in row order.</summary>
    public static ChartImage ActualVsPredicted(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string folder)
    {
        using var plot = new Plot();
        var xs = Enumerable.Range(0, actual.Count).Select(i => (double)i).ToArray();
        plot.Add.ScatterLine(xs, actual.ToArray()).LegendText = "actual";
        plot.Add.ScatterLine(xs, predicted.ToArray()).LegendText = "predicted (out-of-fold)";
        plot.ShowLegend();
        plot.Title("Actual vs predicted on the test folds");
        return ChartRenderer.Render(plot, "actual_vs_predicted", folder);
    }
}
