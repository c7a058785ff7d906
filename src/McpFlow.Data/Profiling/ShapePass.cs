using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>
/// The second scan, for numeric columns, using the first scan's min/max/quartiles/mean/std: equal-width
/// histograms, IQR-fence and z-score outlier counts, and the median absolute deviation — all columns in one query.
/// </summary>
internal static class ShapePass
{
    public sealed record Input(int Index, TableColumn Column, double Min, double Max, double Q1, double Median, double Q3, double Mean, double Std);

    public static Dictionary<string, object?> Run(DuckDBConnection connection, string table, IReadOnlyList<Input> inputs, bool exact)
    {
        var query = new AggregateQuery(table);
        foreach (var n in inputs)
        {
            var col = SqlQuote.Id(n.Column.Name);
            var x = $"{col}::DOUBLE";
            var finite = ColumnClasses.IsFloating(n.Column.Type) ? $"isfinite({col})" : $"{col} IS NOT NULL";
            var p = $"c{n.Index}_";
            var width = (n.Max - n.Min) / ProfileSettings.HistogramBins;
            if (width > 0)
            {
                var bin = $"least(floor(({x} - {SqlQuote.Number(n.Min)}) / {SqlQuote.Number(width)}), {ProfileSettings.HistogramBins - 1})::INTEGER";
                query.Add(p + "hist", $"histogram({bin}) FILTER (WHERE {finite})");
            }

            var iqr = n.Q3 - n.Q1;
            var low = n.Q1 - (ProfileSettings.IqrFence * iqr);
            var high = n.Q3 + (ProfileSettings.IqrFence * iqr);
            query.Add(p + "out_iqr", $"count_if({finite} AND ({x} < {SqlQuote.Number(low)} OR {x} > {SqlQuote.Number(high)}))");
            query.Add(p + "out_z", n.Std > 0 ? $"count_if({finite} AND abs({x} - {SqlQuote.Number(n.Mean)}) > {SqlQuote.Number(ProfileSettings.ZScoreLimit * n.Std)})" : "0");
            var deviation = $"abs({x} - {SqlQuote.Number(n.Median)})";
            query.Add(p + "mad", (exact ? $"quantile_cont({deviation}, 0.5)" : $"approx_quantile({deviation}, 0.5)") + $" FILTER (WHERE {finite})");
        }

        return query.Run(connection);
    }

    /// <summary>Turns DuckDB's histogram map (bin → count) into a <see cref="Histogram"/>.</summary>
    public static Histogram? ToHistogram(object? map, double min, double max)
    {
        if (map is not System.Collections.IDictionary dict)
            return null;
        var counts = new long[ProfileSettings.HistogramBins];
        foreach (System.Collections.DictionaryEntry e in dict)
        {
            var bin = Convert.ToInt32(e.Key, CultureInfo.InvariantCulture);
            if (bin >= 0 && bin < counts.Length)
                counts[bin] += Convert.ToInt64(e.Value, CultureInfo.InvariantCulture);
        }

        var width = (max - min) / ProfileSettings.HistogramBins;
        var edges = Enumerable.Range(0, ProfileSettings.HistogramBins + 1).Select(i => i == ProfileSettings.HistogramBins ? max : min + (i * width)).ToList();
        return new Histogram(edges, counts);
    }

    /// <summary>The most extreme IQR outliers of a column (one small query; only run when outliers exist).</summary>
    public static List<double> Examples(DuckDBConnection connection, string table, Input n, int limit)
    {
        var col = SqlQuote.Id(n.Column.Name);
        var iqr = n.Q3 - n.Q1;
        var low = n.Q1 - (ProfileSettings.IqrFence * iqr);
        var high = n.Q3 + (ProfileSettings.IqrFence * iqr);
        var finite = ColumnClasses.IsFloating(n.Column.Type) ? $"isfinite({col})" : $"{col} IS NOT NULL";
        return DataDatabase.Rows(connection,
            $"SELECT {col}::DOUBLE AS v FROM {SqlQuote.Id(table)} WHERE {finite} AND ({col}::DOUBLE < {SqlQuote.Number(low)} OR {col}::DOUBLE > {SqlQuote.Number(high)}) " +
            $"ORDER BY abs({col}::DOUBLE - {SqlQuote.Number(n.Median)}) DESC LIMIT {limit}",
            r => r.GetDouble(0));
    }
}
