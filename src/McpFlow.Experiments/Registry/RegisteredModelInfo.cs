namespace McpFlow.Experiments.Registry;

/// <summary>A registered model (MLflow's RegisteredModel entity).</summary>
/// <param name="Name">Unique name.</param>
/// <param name="CreationTimestamp">Unix milliseconds.</param>
/// <param name="LastUpdatedTimestamp">Unix milliseconds.</param>
/// <param name="Description">Description, if any.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Aliases">Alias → version number.</param>
/// <param name="LatestVersions">Latest version per stage.</param>
public sealed record RegisteredModelInfo(
    string Name,
    long? CreationTimestamp,
    long? LastUpdatedTimestamp,
    string? Description,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, int> Aliases,
    IReadOnlyList<ModelVersionInfo> LatestVersions);
