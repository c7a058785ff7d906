using McpFlow.Core.Resources;

namespace McpFlow.Core.Mcp.Completions;

/// <summary>Tool names for the tool documentation resource.</summary>
public sealed class ToolDocCompletions(ToolDocumentation docs) : ICompletionSource
{
    /// <inheritdoc />
    public IReadOnlyList<CompletionTarget> Targets { get; } = [new(ToolDocumentation.UriTemplate, "name")];

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ValuesAsync(CompletionTarget target, CancellationToken cancellationToken) =>
        Task.FromResult(docs.Names);
}
