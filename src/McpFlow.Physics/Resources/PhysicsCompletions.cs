using McpFlow.Core.Mcp.Completions;
using McpFlow.Physics.Training;

namespace McpFlow.Physics.Resources;

/// <summary>PINN run ids for the run resource, newest first.</summary>
public sealed class PhysicsCompletions(PinnRunStore store) : ICompletionSource
{
    /// <inheritdoc />
    public IReadOnlyList<CompletionTarget> Targets { get; } = [new("physics://runs/{run_id}", "run_id")];

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ValuesAsync(CompletionTarget target, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(store.List(cancellationToken).Select(r => r.Id).ToList());
}
