using McpFlow.Core.Charts;
using ScottPlot;

namespace McpFlow.Physics.Validation;

/// <summary>Solution and error pictures: heatmaps for two-axis grids, line plots for one axis.</summary>
public static class ValidationCharts
{
    /// <summary>Renders "solution" and "error" charts into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<ChartImage> Render(ValidationReport report, string folder)
    {
        if (report.Grid is null || report.Predicted is null)
            return [];
        var g = report.Grid;
        var error = new double[g.Values.GetLength(0), g.Values.GetLength(1)];
        for (var i = 0; i < error.GetLength(0); i++)
            for (var j = 0; j < error.GetLength(1); j++)
                error[i, j] = report.Predicted[i, j] - g.Values[i, j];
        return [Draw(report.Predicted, g, "solution", "PINN solution u", folder, g.Nodes.Count > 1 ? null : g.Values),
                Draw(error, g, "error", "error u - reference", folder, null)];
    }

    private static ChartImage Draw(double[,] values, GridSolution g, string name, string title, string folder, double[,]? reference)
    {
        using var plot = new Plot();
        if (g.Nodes.Count > 1)
        {
            // ScottPlot draws row 0 at the top: rows are the second axis, flipped so it increases upwards.
            int nx = values.GetLength(0), ny = values.GetLength(1);
            var image = new double[ny, nx];
            for (var i = 0; i < nx; i++)
                for (var j = 0; j < ny; j++)
                    image[ny - 1 - j, i] = values[i, j];
            var heatmap = plot.Add.Heatmap(image);
            heatmap.Extent = new CoordinateRect(g.Nodes[0][0], g.Nodes[0][^1], g.Nodes[1][0], g.Nodes[1][^1]);
            heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
            plot.Add.ColorBar(heatmap);
            plot.XLabel(g.Axes[0].ToString());
            plot.YLabel(g.Axes[1].ToString());
        }
        else
        {
            var x = g.Nodes[0];
            var line = plot.Add.ScatterLine(x, Enumerable.Range(0, x.Length).Select(i => values[i, 0]).ToArray());
            line.LegendText = title;
            if (reference is not null)
            {
                var r = plot.Add.ScatterLine(x, Enumerable.Range(0, x.Length).Select(i => reference[i, 0]).ToArray());
                r.LegendText = "reference";
                r.LinePattern = LinePattern.Dashed;
                plot.ShowLegend();
            }

            plot.XLabel(g.Axes[0].ToString());
        }

        plot.Title(title);
        return ChartRenderer.Render(plot, name, folder);
    }
}
