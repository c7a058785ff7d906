using McpFlow.Core.Storage;
using DuckDB.NET.Data;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>Assembles a <see cref="ColumnProfile"/> from the scans' results (and fetches its top values).</summary>
internal static class ColumnProfileBuilder
{
    public static ColumnProfile Build(DuckDBConnection connection, string table, long rows, int index, TableColumn column,
        Dictionary<string, object?> stats, Dictionary<string, object?> shape, ShapePass.Input? shapeInput, bool exact)
    {
        var p = $"c{index}_";
        var count = AggregateQuery.Long(stats, p + "count");
        var distinct = AggregateQuery.Long(stats, p + "distinct");
        var cls = ColumnClasses.Of(column.Type);
        TextStats? text = null;
        if (cls == ColumnClass.Text)
        {
            var formats = new Dictionary<string, long>();
            for (var f = 0; f < ProfileSettings.DateFormats.Count; f++)
                if (AggregateQuery.Long(stats, $"{p}date{f}") is > 0 and var n)
                    formats[ProfileSettings.DateFormats[f].Label] = n;
            text = new TextStats(stats.GetValueOrDefault(p + "minlen") is null ? null : AggregateQuery.Long(stats, p + "minlen"),
                stats.GetValueOrDefault(p + "maxlen") is null ? null : AggregateQuery.Long(stats, p + "maxlen"),
                AggregateQuery.Double(stats, p + "meanlen"), AggregateQuery.Long(stats, p + "empty"), AggregateQuery.Long(stats, p + "numlike"), formats);
        }

        var semantic = SemanticTypes.Infer(cls, column.Type, count, distinct, text);
        var numeric = cls == ColumnClass.Numeric ? Numeric(connection, table, p, stats, shape, shapeInput) : null;
        var top = semantic is "categorical" or "boolean" or "constant" or "text" or "numeric_as_text" or "datetime_as_text" or "identifier"
                  || (cls == ColumnClass.Numeric && distinct <= ProfileSettings.TopValues * 4)
            ? TopValues(connection, table, column, count)
            : [];
        return new ColumnProfile(column.Name, column.Type, semantic, count, rows - count, rows == 0 ? 0 : (double)(rows - count) / rows, distinct, !exact,
            numeric, text, cls is ColumnClass.Text or ColumnClass.Temporal ? stats.GetValueOrDefault(p + "min")?.ToString() : null,
            cls is ColumnClass.Text or ColumnClass.Temporal ? stats.GetValueOrDefault(p + "max")?.ToString() : null, top);
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

    private static List<ValueCount> TopValues(DuckDBConnection connection, string table, TableColumn column, long count)
    {
        if (count == 0)
            return [];
        var col = SqlQuote.Id(column.Name);
        return DataDatabase.Rows(connection,
            $"SELECT {col}::VARCHAR AS v, count(*) AS n FROM {SqlQuote.Id(table)} WHERE {col} IS NOT NULL GROUP BY {col} ORDER BY n DESC, v LIMIT {ProfileSettings.TopValues}",
            r => new ValueCount(r.GetString(0), r.GetInt64(1), (double)r.GetInt64(1) / count));
    }
}
