using McpFlow.Core.Jobs;

namespace McpFlow.Core.Mcp.Completions;

/// <summary>Job ids for the job resource, newest first.</summary>
public sealed class JobCompletions(JobManager jobs) : ICompletionSource
{
    /// <summary>Jobs offered (the newest ones).</summary>
    public const int Limit = 200;

    /// <inheritdoc />
    public IReadOnlyList<CompletionTarget> Targets { get; } = [new("mcpflow://jobs/{job_id}", "job_id")];

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ValuesAsync(CompletionTarget target, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(jobs.List(null, Limit).Select(j => j.Id).ToList());
}
