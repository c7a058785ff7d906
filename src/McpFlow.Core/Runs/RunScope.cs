namespace McpFlow.Core.Runs;

/// <summary>A run in progress.</summary>
/// <param name="RunId">Workbench run id.</param>
/// <param name="Folder">Folder where the step writes its outputs.</param>
/// <param name="StartedAt">When it began.</param>
public sealed record RunScope(string RunId, string Folder, DateTimeOffset StartedAt);
