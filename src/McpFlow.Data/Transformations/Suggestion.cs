namespace McpFlow.Data.Transformations;

/// <summary>A ranked, data-driven transformation suggestion.</summary>
/// <param name="Id">Stable id, e.g. <c>log1p:purchase_amount</c>; pass it to data_apply_transformation (it survives restarts).</param>
/// <param name="Rank">1 = most worthwhile (0 for an alternative listed behind a suggestion).</param>
/// <param name="Category">type_fix, cleanup, duplicates, imputation, power_transform, outliers, encoding or scaling.</param>
/// <param name="Title">One line, e.g. "log1p(purchase_amount)".</param>
/// <param name="Rationale">Why, from this data.</param>
/// <param name="Effect">Measured effect on this data, e.g. skew_before, skew_after, rows_affected.</param>
/// <param name="Spec">What to apply.</param>
public sealed record Suggestion(string Id, int Rank, string Category, string Title, string Rationale, IReadOnlyDictionary<string, double> Effect, TransformSpec Spec)
{
    /// <summary>The group that orders it (<see cref="SuggestionTiers"/>): types, duplicates, redundant, missing, modelling.</summary>
    public string Tier { get; init; } = "";

    /// <summary>Other ways to fix the same problem of the same column, best first; each can be applied by its id.</summary>
    public IReadOnlyList<Suggestion> Alternatives { get; init; } = [];
}
