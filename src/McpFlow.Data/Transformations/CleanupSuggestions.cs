using System.Globalization;
using McpFlow.Data.Profiling;

namespace McpFlow.Data.Transformations;

/// <summary>Tier 2 and 3 suggestions: duplicate rows (<see cref="SuggestionTiers.Duplicates"/>), and columns that carry
/// nothing for a model (<see cref="SuggestionTiers.Redundant"/>): constant, near-duplicates of another column,
/// identifiers. Dropping makes a new table version; the original keeps every column.</summary>
internal static class CleanupSuggestions
{
    public static IEnumerable<RankedSuggestion> Duplicates(TableProfile profile)
    {
        if (profile.DuplicateRows == 0)
            yield break;
        yield return new RankedSuggestion(SuggestionTiers.Duplicates, (double)profile.DuplicateRows / profile.Rows, RankedSuggestion.Make("drop_duplicates", "duplicates", "Drop duplicate rows",
            $"{N(profile.DuplicateRows)} rows repeat an earlier row exactly; they overweight those records.",
            new() { ["rows_before"] = profile.Rows, ["rows_after"] = profile.Rows - profile.DuplicateRows }, new TransformSpec("drop_duplicates")));
    }

    /// <summary>The columns to drop, each with its suggestion; the caller skips every other suggestion for them.</summary>
    public static Dictionary<string, RankedSuggestion> Redundant(TableProfile profile)
    {
        var drops = new Dictionary<string, RankedSuggestion>(StringComparer.Ordinal);
        foreach (var c in profile.Columns)
        {
            if (c.SemanticType == "constant")
                drops[c.Name] = Drop(c.Name, 1, $"{c.Name} has a single value; it carries no information.", new() { ["distinct"] = 1 });
            else if (c.SemanticType == "identifier")
                drops[c.Name] = Drop(c.Name, 0.5, $"{c.Name} has a distinct value in every row: an identifier, no signal for a model (and a leak if rows were ordered). " +
                    "Keep it as the key of the original table; leave it out of the features.", new() { ["distinct"] = c.Distinct });
        }

        // Near-duplicates: of each pair with |r| ≥ RedundantCorrelation, drop the column with more missing values (the later one on a tie).
        var byName = profile.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var order = profile.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        foreach (var pair in profile.Correlations.Where(r => r.Method == "pearson" && Math.Abs(r.Value) >= Suggester.RedundantCorrelation).OrderByDescending(r => Math.Abs(r.Value)))
        {
            if (!byName.TryGetValue(pair.A, out var a) || !byName.TryGetValue(pair.B, out var b) || drops.ContainsKey(pair.A) || drops.ContainsKey(pair.B))
                continue;
            var (drop, keep) = a.Missing > b.Missing || (a.Missing == b.Missing && order[a.Name] > order[b.Name]) ? (a, b) : (b, a);
            drops[drop.Name] = Drop(drop.Name, Math.Abs(pair.Value),
                $"{drop.Name} is a near-duplicate of {keep.Name} (Pearson r = {pair.Value.ToString("F3", CultureInfo.InvariantCulture)}): it adds no information and makes linear models unstable; {keep.Name} is kept" +
                (drop.Missing > keep.Missing ? $" (it has fewer missing values: {N(keep.Missing)} against {N(drop.Missing)})." : "."),
                new() { ["correlation"] = pair.Value });
        }

        return drops;
    }

    private static RankedSuggestion Drop(string column, double score, string rationale, Dictionary<string, double> effect) =>
        new(SuggestionTiers.Redundant, score, RankedSuggestion.Make("drop_column", "cleanup", $"Drop column {column}", rationale, effect, new TransformSpec("drop_column", column)));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
