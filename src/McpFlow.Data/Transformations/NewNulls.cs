using System.Globalization;
using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>Rows where a column operation produced NULL from a value that was present (not NULL, not a missing
/// marker): values <c>to_number</c> or <c>parse_date</c> could not read, logs of negative numbers, ... Counted and
/// shown with examples, never silent.</summary>
/// <param name="Count">Rows that lost their value.</param>
/// <param name="Examples">Up to <see cref="MaxExamples"/> distinct source values that became NULL.</param>
public sealed record NewNulls(long Count, IReadOnlyList<string> Examples)
{
    /// <summary>Example values listed.</summary>
    public const int MaxExamples = 5;

    /// <summary>Counts the rows of <paramref name="table"/> where <paramref name="created"/> is NULL but <paramref name="source"/> had a value.</summary>
    public static NewNulls Measure(DuckDBConnection connection, string table, string source, string created, TransformContext context)
    {
        var value = context.Text(SqlQuote.Id(source));
        var lost = $"{value} IS NOT NULL AND {SqlQuote.Id(created)} IS NULL";
        var count = CellValues.ToLong(DataDatabase.Scalar(connection, $"SELECT count_if({lost}) FROM {SqlQuote.Id(table)}"));
        if (count == 0)
            return new NewNulls(0, []);
        var examples = DataDatabase.Rows(connection,
            // Grouped one level up: a GROUP BY alias at the table's level would bind to a column or to the table itself when one is called "v".
            $"SELECT v FROM (SELECT v, count(*) AS n FROM (SELECT {value} AS v FROM {SqlQuote.Id(table)} WHERE {lost}) GROUP BY v) ORDER BY n DESC, v LIMIT {MaxExamples}",
            r => r.GetString(0));
        return new NewNulls(count, examples);
    }

    /// <summary>The note shown with the result.</summary>
    public string Describe(string source, string created) =>
        $"{Count.ToString("N0", CultureInfo.InvariantCulture)} row(s) with a value in {source} have NULL in {created} because the value could not be converted " +
        $"(e.g. {string.Join(", ", Examples.Select(e => "'" + (e.Length <= 40 ? e : e[..40] + "…") + "'"))}); check them with data_query.";
}
