using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>Assembles a <see cref="ColumnProfile"/> from the scans' results, and runs the per-column queries that only
/// some columns need: top values, the number convention of number-like text, the date shapes of date-like text, and
/// spellings that differ only by case or spaces in categorical text.</summary>
internal static class ColumnProfileBuilder
{
    /// <summary>Spellings quoted as an example of a value written several ways.</summary>
    private const int VariantExamples = 4;

    public static ColumnProfile Build(DuckDBConnection connection, ProfileScope scope, int index, TableColumn column,
        Dictionary<string, object?> stats, Dictionary<string, object?> shape, ShapePass.Input? shapeInput)
    {
        var p = $"c{index}_";
        var count = AggregateQuery.Long(stats, p + "count");
        var distinct = AggregateQuery.Long(stats, p + "distinct");
        var approximate = !scope.Exact && !stats.ContainsKey(p + "distinct_exact");
        var cls = ColumnClasses.Of(column.Type);
        var value = scope.Value(column);
        TextStats? text = null;
        if (cls == ColumnClass.Text)
            text = Text(connection, scope, value, p, count, stats);
        var semantic = SemanticTypes.Infer(cls, column.Type, column.Name, count, distinct, scope.DuplicateRows, approximate, text);
        if (text is not null && semantic == "categorical")
            text = text with { Variants = Variants(connection, scope.Table, value) };
        var numeric = cls == ColumnClass.Numeric ? Numeric(connection, scope.Table, p, stats, shape, shapeInput) : null;
        var top = semantic is "categorical" or "boolean" or "constant" or "text" or "numeric_as_text" or "datetime_as_text" or "identifier" or "code"
                  || (cls == ColumnClass.Numeric && distinct <= ProfileSettings.TopValues * 4)
            ? TopValues(connection, scope.Table, value, count)
            : [];
        var rows = scope.Rows;
        return new ColumnProfile(column.Name, column.Type, semantic, count, rows - count, rows == 0 ? 0 : (double)(rows - count) / rows, distinct, approximate,
            numeric, text, cls is ColumnClass.Text or ColumnClass.Temporal ? stats.GetValueOrDefault(p + "min")?.ToString() : null,
            cls is ColumnClass.Text or ColumnClass.Temporal ? stats.GetValueOrDefault(p + "max")?.ToString() : null, top)
        {
            Markers = AggregateQuery.Long(stats, p + "markers"),
        };
    }

    private static TextStats Text(DuckDBConnection connection, ProfileScope scope, string value, string p, long count, Dictionary<string, object?> stats)
    {
        var from = SqlQuote.Id(scope.Table);
        var trimmed = MissingMarkers.Trimmed(value);
        var numberLike = AggregateQuery.Long(stats, p + "numlike");
        var number = count > 0 && numberLike >= AlertThresholds.NumericAsText * count
            ? NumberFormatDetector.Detect(connection, from, trimmed).Decide()
            : null;
        var dates = AggregateQuery.Long(stats, p + "datelike") > 0 ? DateFormatDetector.Detect(connection, from, trimmed).Decide() : null;
        return new TextStats(stats.GetValueOrDefault(p + "minlen") is null ? null : AggregateQuery.Long(stats, p + "minlen"),
            stats.GetValueOrDefault(p + "maxlen") is null ? null : AggregateQuery.Long(stats, p + "maxlen"),
            AggregateQuery.Double(stats, p + "meanlen"), AggregateQuery.Long(stats, p + "empty"), numberLike,
            dates?.Evidence.Shapes(dates.Order) ?? new Dictionary<string, long>())
        {
            Number = number,
            Dates = dates,
        };
    }

    private static CategoryVariants Variants(DuckDBConnection connection, string table, string value)
    {
        var key = $"lower({MissingMarkers.Trimmed(value)})";
        var counts = DataDatabase.Rows(connection, $"SELECT count(DISTINCT v), count(DISTINCT lower({MissingMarkers.Trimmed("v")})) FROM (SELECT {value} AS v FROM {SqlQuote.Id(table)})",
            r => (r.GetInt64(0), r.GetInt64(1)))[0];
        if (counts.Item2 >= counts.Item1)
            return new CategoryVariants(counts.Item1, counts.Item2, []);
        var examples = DataDatabase.Rows(connection,
            $"SELECT v FROM (SELECT v, k, count(DISTINCT v) OVER (PARTITION BY k) AS spellings FROM (SELECT DISTINCT {value} AS v, {key} AS k FROM {SqlQuote.Id(table)} WHERE {value} IS NOT NULL)) " +
            $"WHERE spellings > 1 ORDER BY spellings DESC, k, v LIMIT {VariantExamples}",
            r => r.GetString(0));
        return new CategoryVariants(counts.Item1, counts.Item2, examples);
    }

    private static NumericStats Numeric(DuckDBConnection connection, string table, string p, Dictionary<string, object?> stats, Dictionary<string, object?> shape, ShapePass.Input? input)
    {
        var q = AggregateQuery.Doubles(stats, p + "q");
        var quantiles = Quantiles.Labels.Select((l, i) => (l, v: i < q.Count ? q[i] : null)).ToDictionary(x => x.l, x => x.v);
        var iqr = q.Count == 5 && q[1] is { } q1 && q[3] is { } q3 ? q3 - q1 : (double?)null;
        var outliersIqr = AggregateQuery.Long(shape, p + "out_iqr");
        var examples = input is not null && outliersIqr > 0 ? ShapePass.Examples(connection, table, input, 5) : [];
        var histogram = input is not null ? ShapePass.ToHistogram(shape.GetValueOrDefault(p + "hist"), input.Min, input.Max) : null;
        if (histogram is null && input is not null && input.Min == input.Max)
            histogram = new Histogram([input.Min, input.Max], [AggregateQuery.Long(stats, p + "count")]);
        return new NumericStats(AggregateQuery.Double(stats, p + "min"), AggregateQuery.Double(stats, p + "max"), AggregateQuery.Double(stats, p + "mean"),
            AggregateQuery.Double(stats, p + "std"), AggregateQuery.Double(stats, p + "var"), AggregateQuery.Double(stats, p + "skew"), AggregateQuery.Double(stats, p + "kurt"),
            quantiles, iqr, AggregateQuery.Double(shape, p + "mad"), AggregateQuery.Long(stats, p + "zeros"), AggregateQuery.Long(stats, p + "neg"),
            AggregateQuery.Long(stats, p + "inf"), AggregateQuery.Long(stats, p + "nan"), outliersIqr, AggregateQuery.Long(shape, p + "out_z"), examples, histogram);
    }

    private static List<ValueCount> TopValues(DuckDBConnection connection, string table, string value, long count)
    {
        if (count == 0)
            return [];
        return DataDatabase.Rows(connection,
            $"SELECT v::VARCHAR AS t, count(*) AS n FROM (SELECT {value} AS v FROM {SqlQuote.Id(table)}) WHERE v IS NOT NULL GROUP BY v ORDER BY n DESC, t LIMIT {ProfileSettings.TopValues}",
            r => new ValueCount(r.GetString(0), r.GetInt64(1), (double)r.GetInt64(1) / count));
    }
}
