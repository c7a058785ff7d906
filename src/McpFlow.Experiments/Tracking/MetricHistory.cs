using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Tracking;

/// <summary>Reads a metric's history for display without letting one unreadable metric hide the whole run.</summary>
public static class MetricHistory
{
    /// <summary>The history of <paramref name="key"/>, or just the run's latest value when the backend cannot give
    /// the history (a name this version refuses, a file it cannot parse).</summary>
    public static async Task<IReadOnlyList<MlflowMetric>> ReadOrLatestAsync(ITrackingReader reader, MlflowRun run, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.GetMetricHistoryAsync(run.RunId, key, cancellationToken);
        }
        catch (McpFlowException e) when (e.Kind is ErrorKind.InvalidInput or ErrorKind.Forbidden)
        {
            return run.Metrics.TryGetValue(key, out var latest) ? [latest] : [];
        }
    }
}
