namespace McpFlow.Experiments.Tracking;

/// <summary>An MLflow experiment as every backend reports it.</summary>
/// <param name="ExperimentId">MLflow experiment id, e.g. <c>0</c>.</param>
/// <param name="Name">Experiment name, e.g. <c>Default</c>.</param>
/// <param name="ArtifactLocation">Root of its artifacts.</param>
/// <param name="LifecycleStage"><c>active</c> or <c>deleted</c>.</param>
/// <param name="CreationTime">Unix milliseconds, when known.</param>
/// <param name="LastUpdateTime">Unix milliseconds, when known.</param>
/// <param name="Tags">Experiment tags.</param>
public sealed record MlflowExperiment(
    string ExperimentId,
    string Name,
    string? ArtifactLocation,
    string LifecycleStage,
    long? CreationTime,
    long? LastUpdateTime,
    IReadOnlyDictionary<string, string> Tags);
