using System.Text.Json.Nodes;

namespace McpFlow.Core.Jobs;

/// <summary>What a finished job produced.</summary>
/// <param name="Summary">Readable summary for the client.</param>
/// <param name="Data">Complete structured result.</param>
/// <param name="Artifacts">Files written (full paths); PNG files are shown to the client as images.</param>
public sealed record JobResult(string Summary, JsonNode? Data = null, IReadOnlyList<string>? Artifacts = null)
{
    /// <summary>Sentences naming the tools to call next, kept apart from <see cref="Summary"/> and <see cref="Data"/>: the
    /// answer that delivers the result (the call itself or job_status) ends its text with them and carries them as the
    /// structured content's <c>nextSteps</c>, from this one list. Default: none.</summary>
    public IReadOnlyList<string>? NextSteps { get; init; }
}
