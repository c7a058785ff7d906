using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>Measures, in one scan, the skewness a column would have after each candidate transform: log1p,
/// sqrt, Box-Cox and Yeo-Johnson over a λ grid, and winsorising at the 1st/99th percentiles.</summary>
internal static class SkewMeasurement
{
    /// <summary>λ grid for the power transforms: −2 to 2 in steps of 0.25. λ is chosen to minimise |skewness| of the
    /// result (not by maximum likelihood as scipy does); the measured skewness is what matters here.</summary>
    public static readonly IReadOnlyList<double> Lambdas = Enumerable.Range(-8, 17).Select(i => i * 0.25).ToList();

    public sealed record Result(double? Log1p, double? Sqrt, (double Lambda, double Skew)? BoxCox, (double Lambda, double Skew)? YeoJohnson,
        double? Winsorised, double P1, double P99);

    public static Result Measure(DuckDBConnection connection, string table, string column, double min)
    {
        var x = $"{SqlQuote.Id(column)}::DOUBLE";
        var finite = $"isfinite({x})";
        var bounds = DataDatabase.Rows(connection, $"SELECT quantile_cont({x}, 0.01) FILTER (WHERE {finite}), quantile_cont({x}, 0.99) FILTER (WHERE {finite}) FROM {SqlQuote.Id(table)}",
            r => (r.GetDouble(0), r.GetDouble(1)))[0];
        var query = new AggregateQuery(table);
        if (min > -1)
            query.Add("log1p", $"skewness(ln(1 + {x})) FILTER (WHERE {finite})");
        if (min >= 0)
            query.Add("sqrt", $"skewness(sqrt({x})) FILTER (WHERE {finite})");
        for (var i = 0; i < Lambdas.Count; i++)
        {
            if (min > 0)
                query.Add($"bc{i}", $"skewness({TransformOperations.BoxCox(x, Lambdas[i])}) FILTER (WHERE {finite})");
            query.Add($"yj{i}", $"skewness({TransformOperations.YeoJohnson(x, Lambdas[i])}) FILTER (WHERE {finite})");
        }

        query.Add("wins", $"skewness(least(greatest({x}, {SqlQuote.Number(bounds.Item1)}), {SqlQuote.Number(bounds.Item2)})) FILTER (WHERE {finite})");
        var values = query.Run(connection);
        return new Result(AggregateQuery.Double(values, "log1p"), AggregateQuery.Double(values, "sqrt"), Best(values, "bc"), Best(values, "yj"),
            AggregateQuery.Double(values, "wins"), bounds.Item1, bounds.Item2);
    }

    private static (double, double)? Best(Dictionary<string, object?> values, string prefix)
    {
        (double Lambda, double Skew)? best = null;
        for (var i = 0; i < Lambdas.Count; i++)
            if (AggregateQuery.Double(values, $"{prefix}{i}") is { } s && double.IsFinite(s) && (best is null || Math.Abs(s) < Math.Abs(best.Value.Skew)))
                best = (Lambdas[i], s);
        return best;
    }
}
