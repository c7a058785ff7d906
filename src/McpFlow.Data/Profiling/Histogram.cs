namespace McpFlow.Data.Profiling;

/// <summary>An equal-width histogram: bin i covers [Edges[i], Edges[i+1]) (the last bin includes its right edge).</summary>
/// <param name="Edges">Bin edges, one more than the counts.</param>
/// <param name="Counts">Values per bin.</param>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);
