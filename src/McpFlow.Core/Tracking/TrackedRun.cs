namespace McpFlow.Core.Tracking;

/// <summary>A run created through <see cref="ITrackingWriter"/>.</summary>
/// <param name="ExperimentId">MLflow experiment id.</param>
/// <param name="RunId">MLflow run id (32 hex characters).</param>
/// <param name="ArtifactUri">Where its artifacts live (a folder for the file store).</param>
public sealed record TrackedRun(string ExperimentId, string RunId, string? ArtifactUri);
