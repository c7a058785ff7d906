namespace McpFlow.Pipelines.Storage;

/// <summary>A pipeline run's primary score, kept per experiment.</summary>
/// <param name="RunId">Tracking run id.</param>
/// <param name="Trainer">Trainer name.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Value">Cross-validated value.</param>
/// <param name="SuggestionId">Suggestion the run came from, if any.</param>
/// <param name="At">When recorded.</param>
public sealed record ScoreEntry(string? RunId, string Trainer, string Metric, double Value, string? SuggestionId, DateTimeOffset At);
