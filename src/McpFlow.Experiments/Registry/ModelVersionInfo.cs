namespace McpFlow.Experiments.Registry;

/// <summary>A model version (MLflow's ModelVersion entity).</summary>
/// <param name="Name">Registered model name.</param>
/// <param name="Version">Version number (1, 2, …).</param>
/// <param name="CreationTimestamp">Unix milliseconds.</param>
/// <param name="LastUpdatedTimestamp">Unix milliseconds.</param>
/// <param name="CurrentStage">Legacy stage (<see cref="ModelStages"/>).</param>
/// <param name="Description">Description, if any.</param>
/// <param name="Source">Where the model's files are (the run's artifact location).</param>
/// <param name="RunId">The MLflow run that produced it.</param>
/// <param name="Status">MLflow's ModelVersionStatus: READY once created.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Aliases">Aliases pointing at this version.</param>
public sealed record ModelVersionInfo(
    string Name,
    int Version,
    long? CreationTimestamp,
    long? LastUpdatedTimestamp,
    string CurrentStage,
    string? Description,
    string? Source,
    string? RunId,
    string Status,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Aliases);
