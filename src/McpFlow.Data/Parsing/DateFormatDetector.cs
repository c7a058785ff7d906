using DuckDB.NET.Data;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Parsing;

/// <summary>Counts, in one scan, the date shapes of a text column (<see cref="DateEvidence"/>).</summary>
public static class DateFormatDetector
{
    private const int ExampleLength = 24;

    /// <summary>Evidence for the VARCHAR expression <paramref name="text"/> (trimmed, markers already NULL) over <paramref name="from"/>.</summary>
    public static DateEvidence Detect(DuckDBConnection connection, string from, string text)
    {
        var numeric = DateSyntax.Matches("v", DateSyntax.Numeric);
        var dayFirst = DateSyntax.Matches("v", DateSyntax.DayFirstOnly);
        var monthFirst = DateSyntax.Matches("v", DateSyntax.MonthFirstOnly);
        var any = DateSyntax.Matches("v", DateSyntax.AnyDate);
        var sql =
            $"SELECT count(v), count_if({DateSyntax.Matches("v", DateSyntax.Iso)}), count_if({DateSyntax.Matches("v", DateSyntax.IsoSlash)}), count_if({numeric}), " +
            $"count_if({dayFirst}), count_if({monthFirst}), count_if({DateSyntax.Matches("v", DateSyntax.MonthNameFirst)}), count_if({DateSyntax.Matches("v", DateSyntax.DayMonthName)}), " +
            $"min(v) FILTER (WHERE {dayFirst}), min(v) FILTER (WHERE {monthFirst}), min(v) FILTER (WHERE {numeric} AND NOT {dayFirst} AND NOT {monthFirst}), " +
            $"min(v) FILTER (WHERE v IS NOT NULL AND NOT {any}) FROM (SELECT {text} AS v FROM {from})";
        return DataDatabase.Rows(connection, sql, r =>
        {
            long L(int i) => CellValues.ToLong(r.GetValue(i));
            var examples = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (kind, i) in new[] { ("day_first", 8), ("month_first", 9), ("undecided", 10), ("other", 11) })
                if (!r.IsDBNull(i))
                    examples[kind] = "'" + Short(r.GetString(i)) + "'";
            return new DateEvidence(L(0), L(1), L(2), L(3), L(4), L(5), L(6), L(7), examples);
        })[0];
    }

    private static string Short(string value) => value.Length <= ExampleLength ? value : value[..ExampleLength] + "…";
}
