using McpFlow.Core.Storage;
using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Profiling;

/// <summary>
/// The first scan: one aggregate query computing, for every column at once, counts, distinct, moments,
/// quantiles, zeros/negatives/infinities and text facts. Moments are computed over finite values only.
/// </summary>
internal static class ColumnPass
{
    public static Dictionary<string, object?> Run(DuckDBConnection connection, string table, IReadOnlyList<TableColumn> columns, bool exact)
    {
        var query = new AggregateQuery(table);
        query.Add("rows", "count(*)");
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var col = SqlQuote.Id(c.Name);
            var p = $"c{i}_";
            query.Add(p + "count", $"count({col})");
            var cls = ColumnClasses.Of(c.Type);
            if (cls != ColumnClass.Other)
                query.Add(p + "distinct", exact ? $"count(DISTINCT {col})" : $"approx_count_distinct({col})");
            switch (cls)
            {
                case ColumnClass.Numeric:
                    AddNumeric(query, p, col, ColumnClasses.IsFloating(c.Type), exact);
                    break;
                case ColumnClass.Text:
                    query.Add(p + "minlen", $"min(length({col}))");
                    query.Add(p + "maxlen", $"max(length({col}))");
                    query.Add(p + "meanlen", $"avg(length({col}))");
                    query.Add(p + "empty", $"count_if(trim({col}) = '')");
                    query.Add(p + "numlike", $"count(TRY_CAST({col} AS DOUBLE))");
                    query.Add(p + "min", $"min({col})");
                    query.Add(p + "max", $"max({col})");
                    // One cheap pattern test here; the per-format counts run only for columns where it matched.
                    query.Add(p + "datelike", $"count_if(regexp_full_match({col}, '\\d{{1,4}}[-/.]\\d{{1,2}}[-/.]\\d{{1,4}}'))");
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
        var formats = new AggregateQuery(table);
        for (var i = 0; i < columns.Count; i++)
        {
            if (AggregateQuery.Long(values, $"c{i}_datelike") == 0)
                continue;
            for (var f = 0; f < ProfileSettings.DateFormats.Count; f++)
                formats.Add($"c{i}_date{f}", $"count(try_strptime({SqlQuote.Id(columns[i].Name)}, {SqlQuote.Literal(ProfileSettings.DateFormats[f].Format)}))");
        }

        foreach (var pair in formats.Run(connection))
            values[pair.Key] = pair.Value;
        return values;
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
