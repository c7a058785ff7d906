namespace McpFlow.Core.Runs;

/// <summary>What a step produced.</summary>
/// <param name="OutputFiles">Output files (full paths, normally inside the run folder).</param>
/// <param name="Metrics">Key metrics by name (checked for NaN/Inf and plausibility by kind: accuracy, r2, loss, …).</param>
/// <param name="Summary">The draft interpretation shown on the run's card.</param>
/// <param name="Recommendation">The suggested next step.</param>
/// <param name="TrackingRunId">MLflow run id when the step also logged to the tracking store.</param>
public sealed record RunOutcome(
    IReadOnlyList<string> OutputFiles,
    IReadOnlyDictionary<string, double> Metrics,
    string Summary,
    string? Recommendation = null,
    string? TrackingRunId = null);
