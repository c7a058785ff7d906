namespace McpFlow.Core.Tracking;

/// <summary>A registered model version a <c>models:/</c> URI resolved to.</summary>
/// <param name="Uri">The URI as given.</param>
/// <param name="Name">Registered model name.</param>
/// <param name="Version">Version number.</param>
/// <param name="RunId">The MLflow run that produced the version.</param>
/// <param name="Source">The version's source (artifact location).</param>
/// <param name="RunTags">The run's tags (e.g. <c>mcpflow.model_id</c> for a pipeline_train run).</param>
public sealed record ResolvedModel(string Uri, string Name, int Version, string? RunId, string? Source, IReadOnlyDictionary<string, string> RunTags);
