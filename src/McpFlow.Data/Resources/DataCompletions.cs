using McpFlow.Core.Mcp.Completions;
using McpFlow.Data.Storage;

namespace McpFlow.Data.Resources;

/// <summary>Workspace table names for the arguments that take a table.</summary>
public sealed class DataCompletions(TableCatalog catalog) : ICompletionSource
{
    /// <inheritdoc />
    public IReadOnlyList<CompletionTarget> Targets { get; } =
    [
        new("mcpflow://data/tables/{table}", "table"),
        new("explore_dataset", "dataset"),
        new("pipeline_workflow", "table"),
    ];

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ValuesAsync(CompletionTarget target, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(catalog.List(cancellationToken).Select(t => t.Name).ToList());
}
