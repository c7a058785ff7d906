namespace McpFlow.Data.Transformations;

/// <summary>A suggestion before ranking: its tier and its score within the tier (higher first).</summary>
/// <param name="Tier">One of <see cref="SuggestionTiers"/>.</param>
/// <param name="Score">Share of the data fixed, or measured effect, within the tier.</param>
/// <param name="Suggestion">The best fix; its alternatives ride along.</param>
internal sealed record RankedSuggestion(int Tier, double Score, Suggestion Suggestion)
{
    /// <summary>Builds a suggestion with its id from the operation, column and optional variant.</summary>
    public static Suggestion Make(string op, string category, string title, string rationale, Dictionary<string, double> effect, TransformSpec spec, string? variant = null) =>
        new(SuggestionIds.Of(op, spec.Column, variant), 0, category, title, rationale, effect, spec);
}
