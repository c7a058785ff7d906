using McpFlow.Data.Profiling;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Transformations;

/// <summary>
/// Turns a profile into ranked, machine-applicable suggestions, each with its effect measured on the data, in the
/// explicit order of <see cref="SuggestionTiers"/>: broken data first (types and spellings, duplicate rows,
/// constant / near-duplicate / identifier columns, missing values by their share), then modelling transforms (skew
/// and outliers, encoding, scaling). Each column gets one suggestion per problem, its other fixes listed behind it
/// as alternatives. Nothing that destroys information is proposed: codes with leading zeros and identifiers are never
/// parsed as numbers, scaled or transformed, and columns suggested for dropping get no other suggestion.
/// </summary>
public sealed class Suggester(DataDatabase database, Profiler profiler)
{
    /// <summary>Categorical columns with at most this many values are one-hot encoded; more get frequency encoding.</summary>
    public const long OneHotMaxDistinct = 10;

    /// <summary>Numeric columns are suggested for standardising when the largest std is at least this many times the smallest.</summary>
    public const double ScaleRatio = 10;

    /// <summary>|Pearson r| from which two numeric columns are near-duplicates and one is suggested for dropping
    /// (0.98: r² ≥ 0.96, the second column explains less than 4% of variance the first does not).</summary>
    public const double RedundantCorrelation = 0.98;

    /// <summary>Missing share up to which a column is imputed; above it, dropping (or a missing-value flag) is suggested
    /// instead: past half the rows, a fill value would be most of what the column holds.</summary>
    public const double ImputeMaxMissingShare = 0.5;

    /// <summary>Profiles <paramref name="table"/> and suggests transformations (optionally for some columns only).</summary>
    public (TableProfile Profile, List<Suggestion> Suggestions) Suggest(string table, IReadOnlyList<string>? columns, CancellationToken cancellationToken)
    {
        var profile = profiler.Profile(table, columns, null, cancellationToken);
        return (profile, SuggestFor(profile, columns is null || columns.Count == 0));
    }

    /// <summary>Suggestions for an existing profile, ranked; <paramref name="tableLevel"/> adds whole-table ones (duplicates).</summary>
    public List<Suggestion> SuggestFor(TableProfile profile, bool tableLevel)
    {
        using var connection = database.Open();
        var markers = TableCatalog.Markers(connection, profile.Table);
        var ranked = new List<RankedSuggestion>();
        if (tableLevel)
            ranked.AddRange(CleanupSuggestions.Duplicates(profile));
        var drops = CleanupSuggestions.Redundant(profile);
        ranked.AddRange(drops.Values);
        foreach (var c in profile.Columns)
        {
            ranked.AddRange(TypeSuggestions.For(c, markers));
            if (drops.ContainsKey(c.Name))
                continue;
            var missing = MissingSuggestions.For(c).ToList();
            ranked.AddRange(missing);
            if (missing.Any(m => m.Suggestion.Spec.Operation == "drop_column"))
                continue;
            ranked.AddRange(ModellingSuggestions.Shape(connection, profile.Table, c));
            ranked.AddRange(ModellingSuggestions.Encoding(c));
        }

        var scalable = profile.Columns.Where(c => c.SemanticType == "numeric" && !c.IsBinary && !drops.ContainsKey(c.Name) && c.MissingShare <= ImputeMaxMissingShare).ToList();
        ranked.AddRange(ModellingSuggestions.Scaling(scalable));
        return ranked.OrderBy(r => r.Tier).ThenByDescending(r => r.Score)
            .Select((r, i) => r.Suggestion with
            {
                Rank = i + 1,
                Tier = SuggestionTiers.Name(r.Tier),
                Alternatives = r.Suggestion.Alternatives.Select(a => a with { Tier = SuggestionTiers.Name(r.Tier) }).ToList(),
            })
            .ToList();
    }
}
