namespace McpFlow.Workbench.Review;

/// <summary>What the self-review checks look at.</summary>
/// <param name="OutputFiles">Full paths of the outputs.</param>
/// <param name="Metrics">Key metrics by name.</param>
/// <param name="Summary">The draft interpretation (numbers quoted in it are checked against the metrics).</param>
public sealed record ReviewInput(IReadOnlyList<string> OutputFiles, IReadOnlyDictionary<string, double> Metrics, string? Summary);
