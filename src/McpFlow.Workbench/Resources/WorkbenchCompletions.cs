using McpFlow.Core.Errors;
using McpFlow.Core.Mcp.Completions;
using McpFlow.Workbench.Runs;

namespace McpFlow.Workbench.Resources;

/// <summary>Workbench run ids and experiment names for the workbench prompts and resources.</summary>
public sealed class WorkbenchCompletions(RunStore store) : ICompletionSource
{
    private static readonly CompletionTarget[] RunIds =
    [
        new("mcpflow://workbench/runs/{run_id}/card", "run_id"),
        new("workbench_present_run", "run_id"),
    ];

    private static readonly CompletionTarget[] Experiments =
    [
        new("mcpflow://workbench/comparisons/{experiment}", "experiment"),
        new("workbench_final_report", "experiment"),
        new("workbench_loop", "experiment"),
    ];

    /// <inheritdoc />
    public IReadOnlyList<CompletionTarget> Targets { get; } = [.. RunIds, .. Experiments];

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ValuesAsync(CompletionTarget target, CancellationToken cancellationToken)
    {
        var ids = store.Ids();
        if (RunIds.Contains(target))
            return Task.FromResult(ids);
        var experiments = new List<string>();
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (store.Load(id).Manifest.Experiment is { Length: > 0 } experiment)
                    experiments.Add(experiment);
            }
            catch (McpFlowException)
            {
                // A corrupted run has no experiment to offer.
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(experiments.Distinct(StringComparer.Ordinal).ToList());
    }
}
