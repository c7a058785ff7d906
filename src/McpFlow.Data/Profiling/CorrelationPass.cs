using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>
/// Correlations, computed inside DuckDB: Pearson for all numeric pairs in one aggregate scan; Spearman as the
/// Pearson correlation of average ranks (ties get the mean of their positions; ranks per column over its non-null
/// values), on a reservoir sample above <see cref="ProfileSettings.SpearmanSampleRows"/> rows; Cramér's V
/// (no bias correction, V = √(χ² / (n·(min(r, c) − 1)))) for pairs of low-cardinality categorical columns.
/// </summary>
internal static class CorrelationPass
{
    public static List<Correlation> Run(DuckDBConnection connection, ProfileScope scope, IReadOnlyList<TableColumn> numeric, IReadOnlyList<TableColumn> categorical)
    {
        var table = scope.Table;
        var rows = scope.Rows;
        var result = new List<Correlation>();
        if (numeric.Count >= 2)
        {
            var pearson = new AggregateQuery(table);
            var spearman = new AggregateQuery(table);
            var pairs = Pairs(numeric).ToList();
            for (var k = 0; k < pairs.Count; k++)
            {
                var (a, b) = pairs[k];
                pearson.Add($"p{k}", $"corr({Finite(a)}, {Finite(b)})");
                spearman.Add($"s{k}", $"corr(r_{Index(numeric, a)}, r_{Index(numeric, b)})");
            }

            var p = pearson.Run(connection);
            var sample = rows > ProfileSettings.SpearmanSampleRows ? $" USING SAMPLE reservoir({ProfileSettings.SpearmanSampleRows} ROWS) REPEATABLE (42)" : "";
            var ranks = string.Join(", ", numeric.Select((c, i) =>
                $"CASE WHEN {Finite(c)} IS NULL THEN NULL ELSE rank() OVER (ORDER BY {Finite(c)}) + (count(*) OVER (PARTITION BY {Finite(c)}) - 1) / 2.0 END AS r_{i}"));
            var columns = string.Join(", ", numeric.Select(c => SqlQuote.Id(c.Name)));
            var s = spearman.Run(connection, $"(SELECT {ranks} FROM (SELECT {columns} FROM {SqlQuote.Id(table)}{sample}))");
            for (var k = 0; k < pairs.Count; k++)
            {
                if (AggregateQuery.Double(p, $"p{k}") is { } pv && double.IsFinite(pv))
                    result.Add(new Correlation(pairs[k].A.Name, pairs[k].B.Name, "pearson", pv));
                if (AggregateQuery.Double(s, $"s{k}") is { } sv && double.IsFinite(sv))
                    result.Add(new Correlation(pairs[k].A.Name, pairs[k].B.Name, "spearman", sv));
            }
        }

        foreach (var (a, b) in Pairs(categorical))
        {
            var counts = DataDatabase.Rows(connection,
                $"SELECT a::VARCHAR, b::VARCHAR, count(*) FROM (SELECT {scope.Value(a)} AS a, {scope.Value(b)} AS b FROM {SqlQuote.Id(table)}) " +
                "WHERE a IS NOT NULL AND b IS NOT NULL GROUP BY ALL",
                r => (r.GetString(0), r.GetString(1), r.GetInt64(2)));
            if (CramersV(counts) is { } v)
                result.Add(new Correlation(a.Name, b.Name, "cramers_v", v));
        }

        return result;
    }

    /// <summary>Cramér's V of a contingency table given as (row, column, count) cells; null when undefined.</summary>
    public static double? CramersV(IReadOnlyList<(string Row, string Col, long Count)> cells)
    {
        var rowTotals = cells.GroupBy(c => c.Row).ToDictionary(g => g.Key, g => (double)g.Sum(c => c.Count));
        var colTotals = cells.GroupBy(c => c.Col).ToDictionary(g => g.Key, g => (double)g.Sum(c => c.Count));
        var n = rowTotals.Values.Sum();
        var k = Math.Min(rowTotals.Count, colTotals.Count);
        if (n == 0 || k < 2)
            return null;
        var observed = cells.ToDictionary(c => (c.Row, c.Col), c => (double)c.Count);
        var chi2 = 0.0;
        foreach (var r in rowTotals)
        {
            foreach (var c in colTotals)
            {
                var expected = r.Value * c.Value / n;
                var o = observed.GetValueOrDefault((r.Key, c.Key));
                chi2 += (o - expected) * (o - expected) / expected;
            }
        }

        return Math.Sqrt(chi2 / (n * (k - 1)));
    }

    private static string Finite(TableColumn c) =>
        ColumnClasses.IsFloating(c.Type) ? $"CASE WHEN isfinite({SqlQuote.Id(c.Name)}) THEN {SqlQuote.Id(c.Name)}::DOUBLE END" : $"{SqlQuote.Id(c.Name)}::DOUBLE";

    private static int Index(IReadOnlyList<TableColumn> columns, TableColumn c) => columns.ToList().IndexOf(c);

    private static IEnumerable<(TableColumn A, TableColumn B)> Pairs(IReadOnlyList<TableColumn> columns)
    {
        for (var i = 0; i < columns.Count; i++)
            for (var j = i + 1; j < columns.Count; j++)
                yield return (columns[i], columns[j]);
    }
}
