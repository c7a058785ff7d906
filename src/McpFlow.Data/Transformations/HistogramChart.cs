using DuckDB.NET.Data;
using McpFlow.Core.Charts;
using McpFlow.Core.Storage;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;
using ScottPlot;

namespace McpFlow.Data.Transformations;

/// <summary>Renders a column's histogram (computed in DuckDB) as a PNG.</summary>
public static class HistogramChart
{
    /// <summary>Computes the histogram of <paramref name="column"/> in one query; null when the column has no finite values.</summary>
    public static Histogram? Compute(DuckDBConnection connection, string table, string column)
    {
        var x = $"{SqlQuote.Id(column)}::DOUBLE";
        var range = DataDatabase.Rows(connection, $"SELECT min({x}), max({x}) FROM {SqlQuote.Id(table)} WHERE isfinite({x})",
            r => r.IsDBNull(0) ? ((double, double)?)null : (r.GetDouble(0), r.GetDouble(1)))[0];
        if (range is not { } b)
            return null;
        if (b.Item1 == b.Item2)
            return new Histogram([b.Item1, b.Item2], [Convert.ToInt64(DataDatabase.Scalar(connection, $"SELECT count(*) FROM {SqlQuote.Id(table)} WHERE isfinite({x})"), System.Globalization.CultureInfo.InvariantCulture)]);
        var width = (b.Item2 - b.Item1) / ProfileSettings.HistogramBins;
        var map = DataDatabase.Scalar(connection,
            $"SELECT histogram(least(floor(({x} - {SqlQuote.Number(b.Item1)}) / {SqlQuote.Number(width)}), {ProfileSettings.HistogramBins - 1})::INTEGER) FROM {SqlQuote.Id(table)} WHERE isfinite({x})");
        return ShapePass.ToHistogram(map, b.Item1, b.Item2);
    }

    /// <summary>Renders and saves the histogram.</summary>
    public static ChartImage Render(Histogram histogram, string title, string name, string folder)
    {
        using var plot = new Plot();
        var width = histogram.Edges.Count > 1 ? histogram.Edges[1] - histogram.Edges[0] : 1;
        var centers = histogram.Counts.Select((_, i) => histogram.Edges[i] + (width / 2)).ToArray();
        var bars = plot.Add.Bars(centers, histogram.Counts.Select(c => (double)c).ToArray());
        foreach (var bar in bars.Bars)
            bar.Size = width == 0 ? 1 : width * 0.95;
        plot.Title(title);
        plot.YLabel("count");
        plot.Axes.Margins(bottom: 0);
        return ChartRenderer.Render(plot, name, folder);
    }
}
