namespace McpFlow.Data.Transformations;

/// <summary>A ranked, data-driven transformation suggestion.</summary>
/// <param name="Id">Stable id, e.g. <c>log1p:purchase_amount</c>; pass it to data_apply_transformation.</param>
/// <param name="Rank">1 = most worthwhile.</param>
/// <param name="Category">power_transform, outliers, imputation, encoding, scaling, type_fix or cleanup.</param>
/// <param name="Title">One line, e.g. "log1p(purchase_amount)".</param>
/// <param name="Rationale">Why, from this data.</param>
/// <param name="Effect">Measured effect on this data, e.g. skew_before, skew_after, rows_affected.</param>
/// <param name="Spec">What to apply.</param>
public sealed record Suggestion(string Id, int Rank, string Category, string Title, string Rationale, IReadOnlyDictionary<string, double> Effect, TransformSpec Spec);
