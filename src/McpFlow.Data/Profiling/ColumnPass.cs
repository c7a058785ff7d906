using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>
/// The first scan: one aggregate query computing, for every column at once, counts, distinct, moments,
/// quantiles, zeros/negatives/infinities and text facts. Moments are computed over finite values only; text values
/// that are missing markers count as missing. Above <see cref="ProfileSettings.ExactRowLimit"/> rows distinct counts
/// are HyperLogLog estimates first, then counted exactly for every column whose estimate is at most
/// <see cref="ProfileSettings.ExactDistinctMaxEstimate"/> (a second, cheap scan: small hash tables).
/// </summary>
internal static class ColumnPass
{
    public static Dictionary<string, object?> Run(DuckDBConnection connection, string table, IReadOnlyList<TableColumn> columns, bool exact, MissingMarkers markers)
    {
        var query = new AggregateQuery(table);
        query.Add("rows", "count(*)");
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var cls = ColumnClasses.Of(c.Type);
            var col = cls == ColumnClass.Text ? markers.Nulled(SqlQuote.Id(c.Name)) : SqlQuote.Id(c.Name);
            var p = $"c{i}_";
            query.Add(p + "count", $"count({col})");
            if (cls != ColumnClass.Other)
                query.Add(p + "distinct", exact ? $"count(DISTINCT {col})" : $"approx_count_distinct({col})");
            switch (cls)
            {
                case ColumnClass.Numeric:
                    AddNumeric(query, p, col, ColumnClasses.IsFloating(c.Type), exact);
                    break;
                case ColumnClass.Text:
                    var trimmed = MissingMarkers.Trimmed(col);
                    query.Add(p + "markers", $"count_if({markers.Predicate(SqlQuote.Id(c.Name))})");
                    query.Add(p + "minlen", $"min(length({col}))");
                    query.Add(p + "maxlen", $"max(length({col}))");
                    query.Add(p + "meanlen", $"avg(length({col}))");
                    query.Add(p + "empty", $"count_if({trimmed} = '')");
                    // One pattern test for numbers and one for dates here; the detailed counts (number convention,
                    // date shapes) run only for the columns where they matched.
                    query.Add(p + "numlike", $"count_if(regexp_matches({trimmed}, {SqlQuote.Literal(NumberSyntax.Pattern)}))");
                    query.Add(p + "min", $"min({col})");
                    query.Add(p + "max", $"max({col})");
                    query.Add(p + "datelike", $"count_if(regexp_full_match({trimmed}, {SqlQuote.Literal(DateSyntax.AnyDate)}))");
                    break;
                case ColumnClass.Temporal:
                    query.Add(p + "min", $"min({col})::VARCHAR");
                    query.Add(p + "max", $"max({col})::VARCHAR");
                    break;
                case ColumnClass.Boolean:
                    query.Add(p + "true", $"count_if({col})");
                    break;
            }
        }

        var values = query.Run(connection);
        if (!exact)
            CountSmallDistinctsExactly(connection, table, columns, markers, values);
        return values;
    }

    // HyperLogLog in DuckDB keeps 64 registers (standard error ≈ 13%), so a 50-value category can show as 40; columns
    // with a small estimate get an exact count (cheap: few distinct values), the rest stay labelled estimates.
    private static void CountSmallDistinctsExactly(DuckDBConnection connection, string table, IReadOnlyList<TableColumn> columns, MissingMarkers markers, Dictionary<string, object?> values)
    {
        var exact = new AggregateQuery(table);
        for (var i = 0; i < columns.Count; i++)
        {
            if (!values.ContainsKey($"c{i}_distinct") || AggregateQuery.Long(values, $"c{i}_distinct") > ProfileSettings.ExactDistinctMaxEstimate)
                continue;
            var col = ColumnClasses.Of(columns[i].Type) == ColumnClass.Text ? markers.Nulled(SqlQuote.Id(columns[i].Name)) : SqlQuote.Id(columns[i].Name);
            exact.Add($"c{i}_distinct", $"count(DISTINCT {col})");
        }

        foreach (var pair in exact.Run(connection))
        {
            values[pair.Key] = pair.Value;
            values[pair.Key + "_exact"] = true;
        }
    }

    private static void AddNumeric(AggregateQuery query, string p, string col, bool floating, bool exact)
    {
        var x = $"{col}::DOUBLE";
        var finite = floating ? $" FILTER (WHERE isfinite({col}))" : "";
        query.Add(p + "min", $"min({x}){finite}");
        query.Add(p + "max", $"max({x}){finite}");
        query.Add(p + "mean", $"avg({x}){finite}");
        query.Add(p + "std", $"stddev_samp({x}){finite}");
        query.Add(p + "var", $"var_samp({x}){finite}");
        query.Add(p + "skew", $"skewness({x}){finite}");
        query.Add(p + "kurt", $"kurtosis({x}){finite}");
        var levels = string.Join(", ", Quantiles.Levels.Select(l => l.ToString(CultureInfo.InvariantCulture)));
        query.Add(p + "q", exact ? $"quantile_cont({x}, [{levels}]){finite}" : $"approx_quantile({x}, [{levels}]){finite}");
        query.Add(p + "zeros", $"count_if({col} = 0)");
        query.Add(p + "neg", $"count_if({col} < 0)");
        if (floating)
        {
            query.Add(p + "inf", $"count_if(isinf({col}))");
            query.Add(p + "nan", $"count_if(isnan({col}))");
        }
    }
}
