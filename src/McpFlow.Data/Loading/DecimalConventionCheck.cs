using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>
/// Finds the number columns DuckDB's CSV sniffer read with '.' as the decimal separator although the same file writes
/// its decimals with ',' ("262,27" in another column) and nothing in the column itself says '.' is a decimal point:
/// every value with a '.' is one '.' followed by exactly three digits ("1.250"), which under the file's own convention
/// groups thousands (1,250) and under the sniffer's is a fraction (1.25). Such a column is ambiguous and is kept as
/// text, so the values are not silently guessed: analyze_dataframe states the ambiguity and to_number asks for the
/// separator (<see cref="NumberEvidence.Decide"/>).
/// </summary>
internal static class DecimalConventionCheck
{
    /// <summary>A value that can only be a comma-decimal number, anywhere in the text (currency and '%' around it):
    /// optional '.'-grouped thousands, then ',' and one, two or four or more digits (three would be ambiguous).
    /// A first pass over the text columns finds the ones worth the full count.</summary>
    private const string CommaOnlyHint = @"(^|[^0-9.,])[0-9]+(\.[0-9]{3})*,([0-9]{1,2}|[0-9]{4,})([^0-9.,]|$)";

    /// <summary>Most thousands a value '.'-grouped once can hold ("999.999" read as 999.999).</summary>
    private const double AmbiguousMaxFraction = 1000;

    /// <summary>How far v · 1000 may sit from a whole number and still count as three decimals: binary doubles hold
    /// "1.001" as 1.00099999…, and any value below 1000 is within 1e-9 of its thousandths after the product.</summary>
    private const double RoundingSlack = 1e-6;

    /// <summary>The DOUBLE columns of <paramref name="table"/> to keep as text, with the reason for the load's report;
    /// <paramref name="rawSource"/> reads the same file with every column as text (a parenthesised SELECT).</summary>
    public static (IReadOnlyList<string> Columns, string? Reason) Find(DuckDBConnection connection, string table, string rawSource, LoadDeadline deadline)
    {
        var columns = TableCatalog.Columns(connection, table);
        var doubles = columns.Where(c => c.Type == "DOUBLE").Select(c => c.Name).ToList();
        var texts = columns.Where(c => c.Type == "VARCHAR").Select(c => c.Name).ToList();
        if (doubles.Count == 0 || texts.Count == 0)
            return ([], null);
        // First the cheap arithmetic scan: which DOUBLE columns could come from '1.250'-style text (every value has at
        // most three decimals, and every fractional one is below 1000). Most number columns fail it, and then no text
        // column needs reading at all.
        var checks = doubles.Select(d => $"count_if({SqlQuote.Id(d)} IS NOT NULL AND (abs(round({SqlQuote.Id(d)} * 1000) - {SqlQuote.Id(d)} * 1000) > {SqlQuote.Number(RoundingSlack)} " +
                                         $"OR ({SqlQuote.Id(d)} <> floor({SqlQuote.Id(d)}) AND abs({SqlQuote.Id(d)}) >= {SqlQuote.Number(AmbiguousMaxFraction)})))");
        var counts = deadline.Rows(connection, $"SELECT {string.Join(", ", checks)} FROM {SqlQuote.Id(table)}",
            r => Enumerable.Range(0, r.FieldCount).Select(i => CellValues.ToLong(r.GetValue(i))).ToArray())[0];
        doubles = doubles.Where((_, i) => counts[i] == 0).ToList();
        if (doubles.Count == 0)
            return ([], null);
        var commaColumn = CommaColumn(connection, table, texts, deadline);
        if (commaColumn is null)
            return ([], null);
        var kept = Ambiguous(connection, rawSource, doubles, deadline);
        if (kept.Count == 0)
            return ([], null);
        return (kept.Select(k => k.Column).ToList(), Reason(kept, commaColumn));
    }

    /// <summary>The text columns of <paramref name="table"/> about to be read as numbers (<paramref name="candidates"/>,
    /// missing markers already NULL) that the same ambiguity makes unsafe to read: every value is '1.250'-style while
    /// another text column writes its decimals with ','. A marker written with spaces (" - ") keeps such a column text
    /// for DuckDB's sniffer, so <see cref="Find"/> never sees it; the marker pass asks here before it retypes.</summary>
    public static (IReadOnlyList<string> Columns, string? Reason) FindInText(DuckDBConnection connection, string table, IReadOnlyList<string> candidates, LoadDeadline deadline)
    {
        if (candidates.Count == 0)
            return ([], null);
        // The comma column first, as in Find: its probes stop at the first hit, while each candidate needs a full count.
        var others = TableCatalog.Columns(connection, table).Where(c => c.Type == "VARCHAR" && !candidates.Contains(c.Name, StringComparer.Ordinal)).Select(c => c.Name).ToList();
        var commaColumn = CommaColumn(connection, table, others, deadline);
        if (commaColumn is null)
            return ([], null);
        var kept = Ambiguous(connection, SqlQuote.Id(table), candidates, deadline);
        return kept.Count == 0 ? ([], null) : (kept.Select(k => k.Column).ToList(), Reason(kept, commaColumn));
    }

    // The first text column that writes decimals with ',' (decided on all its values), if any. Per column, a probe first:
    // whether any value only a decimal comma reads; the LIMIT stops at the first one, and contains(',') (a byte search)
    // spares the regular expression on the values without a comma.
    private static string? CommaColumn(DuckDBConnection connection, string table, IReadOnlyList<string> texts, LoadDeadline deadline)
    {
        foreach (var text in texts)
        {
            deadline.Token.ThrowIfCancellationRequested();
            var hinted = deadline.Rows(connection,
                $"SELECT 1 FROM {SqlQuote.Id(table)} WHERE contains({SqlQuote.Id(text)}, ',') AND regexp_matches({SqlQuote.Id(text)}, {SqlQuote.Literal(CommaOnlyHint)}) LIMIT 1",
                _ => true).Count > 0;
            if (!hinted)
                continue;
            var reading = NumberFormatDetector.Detect(connection, SqlQuote.Id(table), MissingMarkers.Trimmed(SqlQuote.Id(text))).Decide();
            if (reading.IsDecided && reading.DecimalSeparator == ',')
                return text;
        }

        return null;
    }

    // The columns of `source` whose every value is '.'-then-three-digits: ambiguous, with nothing in the column deciding.
    private static List<(string Column, string Example)> Ambiguous(DuckDBConnection connection, string source, IReadOnlyList<string> columns, LoadDeadline deadline)
    {
        var kept = new List<(string Column, string Example)>();
        foreach (var column in columns)
        {
            deadline.Token.ThrowIfCancellationRequested();
            var e = NumberFormatDetector.Detect(connection, source, MissingMarkers.Trimmed(SqlQuote.Id(column)));
            if (e.Ambiguous > 0 && e.DotDecimal == 0 && e.CommaDecimal == 0 && e.Malformed == 0)
                kept.Add((column, e.Examples.TryGetValue("ambiguous", out var example) ? example : "'1.250'"));
        }

        return kept;
    }

    private static string Reason(List<(string Column, string Example)> kept, string commaColumn) =>
        string.Join("; ", kept.Select(k => $"{k.Column} (values such as {k.Example})")) +
                     string.Create(CultureInfo.InvariantCulture, $" kept as text: '.' followed by three digits groups thousands where decimals are written with ',' (as in {commaColumn}) and is a decimal point otherwise, and no value decides; convert with data_apply_transformation operation=\"to_number\" and text=\",\" (1.250 = 1250) or text=\".\" (1.250 = 1.25)");
}
