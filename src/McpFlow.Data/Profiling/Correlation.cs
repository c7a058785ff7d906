namespace McpFlow.Data.Profiling;

/// <summary>A correlation between two columns.</summary>
/// <param name="A">First column.</param>
/// <param name="B">Second column.</param>
/// <param name="Method"><c>pearson</c>, <c>spearman</c> or <c>cramers_v</c>.</param>
/// <param name="Value">Coefficient (Pearson and Spearman in [−1, 1], Cramér's V in [0, 1]).</param>
public sealed record Correlation(string A, string B, string Method, double Value);
