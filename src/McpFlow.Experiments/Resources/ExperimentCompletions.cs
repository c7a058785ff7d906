using McpFlow.Core.Mcp.Completions;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Resources;

/// <summary>Experiment names of the tracking store for the experiment prompts and resources.</summary>
public sealed class ExperimentCompletions(ITrackingStore store) : ICompletionSource
{
    /// <summary>Experiments offered (one page of the store).</summary>
    public const int Limit = 1000;

    /// <inheritdoc />
    public IReadOnlyList<CompletionTarget> Targets { get; } =
    [
        new("mlflow://experiments/{experiment}/runs", "experiment"),
        new("mlflow://leaderboard/{experiment}/{metric}", "experiment"),
        new("experiments_plateau_next_steps", "experiment"),
    ];

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ValuesAsync(CompletionTarget target, CancellationToken cancellationToken)
    {
        var page = await store.SearchExperimentsAsync(null, Limit, null, cancellationToken);
        return page.Items.Select(e => e.Name).ToList();
    }
}
