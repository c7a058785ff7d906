namespace McpFlow.Core.Mcp.Completions;

/// <summary>
/// Values a client can offer for prompt and resource-template arguments (<c>completion/complete</c>): table names,
/// experiment names, run and job ids. A group registers one in its <c>AddMcp</c> (only enabled groups complete), reading
/// its domain services; <see cref="CompletionHandler"/> filters the values by what the user typed.
/// </summary>
public interface ICompletionSource
{
    /// <summary>The arguments this source completes.</summary>
    IReadOnlyList<CompletionTarget> Targets { get; }

    /// <summary>Every value for <paramref name="target"/> (one of <see cref="Targets"/>), newest or most useful first.</summary>
    Task<IReadOnlyList<string>> ValuesAsync(CompletionTarget target, CancellationToken cancellationToken);
}
