using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>
/// Gives VARCHAR columns the type DuckDB's CSV sniffer would give the same text, when every non-NULL value fits it:
/// BIGINT (digits without a leading zero, so codes such as "01234" stay text), DOUBLE (a decimal point, optional
/// exponent), BOOLEAN (true/false in any case), DATE (YYYY-MM-DD), TIMESTAMP (YYYY-MM-DD HH:MM[:SS[.fff]], 'T' or
/// space) or TIMESTAMPTZ (the same with Z or an offset). Used after a load nulls missing markers (a number column
/// with "N/A" in it) and for workbook cells that were text.
/// </summary>
internal static class TextTypeNarrowing
{
    private const string Integer = "[+-]?[1-9][0-9]{0,17}|[+-]?0";
    private const string Decimal = @"[+-]?([1-9][0-9]*|0)?\.[0-9]+([eE][+-]?[0-9]+)?|[+-]?([1-9][0-9]*|0)(\.[0-9]*)?[eE][+-]?[0-9]+|[+-]?([1-9][0-9]*|0)\.";
    private const string Date = @"\d{4}-\d{2}-\d{2}";
    private const string Timestamp = @"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?";
    private const string TimestampZone = @"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)";

    /// <summary>The narrower type each of <paramref name="columns"/> of <paramref name="table"/> fits (every value), for
    /// the columns that fit one; nothing is changed yet (<see cref="Apply"/>).</summary>
    public static Dictionary<string, string> Plan(DuckDBConnection connection, string table, IReadOnlyList<string> columns, LoadDeadline deadline)
    {
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (columns.Count == 0)
            return changed;
        var counts = new List<string>();
        foreach (var column in columns)
        {
            var c = SqlQuote.Id(column);
            counts.Add($"count({c})");
            counts.Add($"count_if({Fits(c, Integer)})");
            counts.Add($"count_if({Fits(c, Integer)} OR {Fits(c, Decimal)})");
            counts.Add($"count_if(lower({c}) IN ('true', 'false'))");
            counts.Add($"count_if({Fits(c, Date)} AND TRY_CAST({c} AS DATE) IS NOT NULL)");
            counts.Add($"count_if(({Fits(c, Date)} OR {Fits(c, Timestamp)}) AND TRY_CAST({c} AS TIMESTAMP) IS NOT NULL)");
            counts.Add($"count_if({Fits(c, TimestampZone)} AND TRY_CAST({c} AS TIMESTAMPTZ) IS NOT NULL)");
        }

        var row = deadline.Rows(connection, $"SELECT {string.Join(", ", counts)} FROM {SqlQuote.Id(table)}",
            r => Enumerable.Range(0, r.FieldCount).Select(i => CellValues.ToLong(r.GetValue(i))).ToArray())[0];
        for (var i = 0; i < columns.Count; i++)
        {
            var n = row[i * 7];
            if (n == 0)
                continue;
            var type = row[(i * 7) + 1] == n ? "BIGINT"
                : row[(i * 7) + 2] == n ? "DOUBLE"
                : row[(i * 7) + 3] == n ? "BOOLEAN"
                : row[(i * 7) + 4] == n ? "DATE"
                : row[(i * 7) + 5] == n ? "TIMESTAMP"
                : row[(i * 7) + 6] == n ? "TIMESTAMPTZ"
                : null;
            if (type is not null)
                changed[columns[i]] = type;
        }

        return changed;
    }

    /// <summary>Retypes each column of <paramref name="plan"/> (column → type, from <see cref="Plan"/>).</summary>
    public static void Apply(DuckDBConnection connection, string table, IReadOnlyDictionary<string, string> plan, LoadDeadline deadline)
    {
        foreach (var (column, type) in plan)
        {
            var c = SqlQuote.Id(column);
            var t = SqlQuote.Keyword(type, NarrowTypes, "type");
            deadline.Execute(connection, $"ALTER TABLE {SqlQuote.Id(table)} ALTER COLUMN {c} SET DATA TYPE {t} USING CAST({c} AS {t})");
        }
    }

    private static readonly string[] NarrowTypes = ["BIGINT", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "TIMESTAMPTZ"];

    private static string Fits(string column, string pattern) => $"regexp_full_match({column}, {SqlQuote.Literal(pattern)})";
}
