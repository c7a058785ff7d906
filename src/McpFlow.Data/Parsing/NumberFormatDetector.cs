using DuckDB.NET.Data;
using McpFlow.Core.Storage;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Parsing;

/// <summary>Counts, in one scan, how a text column's values are written (<see cref="NumberEvidence"/>).</summary>
public static class NumberFormatDetector
{
    /// <summary>Longest example value quoted in messages.</summary>
    private const int ExampleLength = 24;

    /// <summary>Evidence for the VARCHAR expression <paramref name="text"/> (trimmed, markers already NULL) over
    /// <paramref name="from"/> (a quoted table or a parenthesised SELECT).</summary>
    public static NumberEvidence Detect(DuckDBConnection connection, string from, string text)
    {
        var like = NumberSyntax.IsNumberLike("g");
        var dot = NumberSyntax.FitsCore("g", '.');
        var comma = NumberSyntax.FitsCore("g", ',');
        var ambiguous = $"regexp_full_match(g.core, {SqlQuote.Literal(NumberSyntax.AmbiguousCore)})";
        var sql =
            $"SELECT count(v), count_if(k), count_if(k AND d AND NOT c), count_if(k AND c AND NOT d), count_if(k AND d AND c AND a), count_if(k AND NOT d AND NOT c), " +
            $"count_if(k AND g.pct = '%'), count_if(k AND (g.cur1 <> '' OR g.cur2 <> '')), string_agg(DISTINCT nullif(g.cur1 || g.cur2, ''), ', ' ORDER BY nullif(g.cur1 || g.cur2, '')), " +
            $"count_if(regexp_full_match(v, {SqlQuote.Literal(NumberSyntax.LeadingZeroValue)})), count_if(regexp_full_match(v, {SqlQuote.Literal(NumberSyntax.DigitsValue)})), " +
            $"min(v) FILTER (WHERE k AND d AND c AND a), max(v) FILTER (WHERE k AND d AND c AND a), min(v) FILTER (WHERE k AND d AND NOT c), " +
            $"min(v) FILTER (WHERE k AND c AND NOT d), max(v) FILTER (WHERE k AND c AND NOT d), min(v) FILTER (WHERE k AND NOT d AND NOT c), min(v) FILTER (WHERE v IS NOT NULL AND NOT k) " +
            $"FROM (SELECT v, g, {like} AS k, {dot} AS d, {comma} AS c, {ambiguous} AS a FROM (SELECT v, {NumberSyntax.Groups("v")} AS g FROM (SELECT {text} AS v FROM {from})))";
        return DataDatabase.Rows(connection, sql, r =>
        {
            long L(int i) => CellValues.ToLong(r.GetValue(i));
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            var examples = new Dictionary<string, string>(StringComparer.Ordinal);
            Add(examples, "ambiguous", S(11), S(12));
            Add(examples, "dot", S(13), null);
            Add(examples, "comma", S(14), S(15));
            Add(examples, "malformed", S(16), null);
            Add(examples, "text", S(17), null);
            return new NumberEvidence(L(0), L(1), L(2), L(3), L(4), L(5), L(6), L(7), S(8), L(9), L(10), examples);
        })[0];
    }

    private static void Add(Dictionary<string, string> examples, string kind, string? first, string? second)
    {
        var values = new[] { first, second }.Where(v => v is not null).Distinct(StringComparer.Ordinal).Select(v => "'" + Short(v!) + "'").ToList();
        if (values.Count > 0)
            examples[kind] = string.Join(" or ", values);
    }

    private static string Short(string value) => value.Length <= ExampleLength ? value : value[..ExampleLength] + "…";
}
