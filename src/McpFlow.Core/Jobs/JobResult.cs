using System.Text.Json.Nodes;

namespace McpFlow.Core.Jobs;

/// <summary>What a finished job produced.</summary>
/// <param name="Summary">Readable summary for the client.</param>
/// <param name="Data">Complete structured result.</param>
/// <param name="Artifacts">Files written (full paths); PNG files are shown to the client as images.</param>
public sealed record JobResult(string Summary, JsonNode? Data = null, IReadOnlyList<string>? Artifacts = null);
