using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Parsing;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Loading;

/// <summary>
/// Runs on a freshly loaded staging table, for every format: text values that are missing markers (see
/// <see cref="MissingMarkers"/>) become NULL, and the columns that held them get the type their remaining values
/// fit (<see cref="TextTypeNarrowing"/>), as if the file had said nothing there. Workbooks also narrow every text
/// column, so cells typed as text ("TRUE", "2024-03-25 10:00") get the type the CSV of the same data gets.
/// </summary>
internal static class MissingMarkerPass
{
    /// <summary>Applies the markers and narrows; returns what it did for the load's <c>detected</c> report.</summary>
    public static Dictionary<string, string> Apply(DuckDBConnection connection, string table, MissingMarkers markers, bool narrowAllText, LoadDeadline deadline)
    {
        var report = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = TableCatalog.Columns(connection, table).Where(c => c.Type == "VARCHAR").Select(c => c.Name).ToList();
        if (text.Count == 0)
            return report;
        var nulled = new List<(string Column, long Count)>();
        if (!markers.IsEmpty)
        {
            var counts = deadline.Rows(connection,
                $"SELECT {string.Join(", ", text.Select(c => $"count_if({markers.Predicate(SqlQuote.Id(c))})"))} FROM {SqlQuote.Id(table)}",
                r => Enumerable.Range(0, r.FieldCount).Select(i => CellValues.ToLong(r.GetValue(i))).ToArray())[0];
            nulled = text.Select((c, i) => (c, counts[i])).Where(p => p.Item2 > 0).ToList();
            if (nulled.Count > 0)
                deadline.Execute(connection, $"UPDATE {SqlQuote.Id(table)} SET " +
                    string.Join(", ", nulled.Select(p => $"{SqlQuote.Id(p.Column)} = {markers.Nulled(SqlQuote.Id(p.Column))}")));
        }

        var narrowed = TextTypeNarrowing.Plan(connection, table, narrowAllText ? text : nulled.Select(p => p.Column).ToList(), deadline);
        // A '1.250'-only column among them, in a table that writes decimals with ',', stays text (as the CSV loader keeps it).
        var (ambiguous, reason) = DecimalConventionCheck.FindInText(connection, table, narrowed.Where(p => p.Value == "DOUBLE").Select(p => p.Key).ToList(), deadline);
        foreach (var column in ambiguous)
            narrowed.Remove(column);
        TextTypeNarrowing.Apply(connection, table, narrowed, deadline);
        if (reason is not null)
            report["ambiguous_numbers"] = reason;
        if (nulled.Count > 0)
            report["missing_markers"] = $"{string.Join(", ", nulled.Select(p => $"{p.Column} {p.Count.ToString("N0", CultureInfo.InvariantCulture)}"))} value(s) " +
                                        $"read as NULL (markers {markers.Describe()})";
        if (narrowed.Count > 0)
            report["retyped"] = string.Join(", ", narrowed.Select(p => $"{p.Key} {p.Value}")) + (narrowAllText ? " (from cells stored as text)" : " (once the markers were NULL)");
        return report;
    }
}
