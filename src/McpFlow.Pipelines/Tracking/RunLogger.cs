using McpFlow.Core.Tracking;

namespace McpFlow.Pipelines.Tracking;

/// <summary>
/// Logs pipeline work as runs through <see cref="ITrackingWriter"/> (implemented by the experiments group). When the
/// writer is Core's <see cref="AbsentTrackingWriter"/> (a build without that group), nothing is logged and the run id is null.
/// </summary>
public sealed class RunLogger(ITrackingWriter writer, TimeProvider time)
{
    /// <summary>True when runs are logged.</summary>
    public bool Enabled => writer.IsAvailable;

    /// <summary>Logs one finished run and returns its id (null when tracking is not available).</summary>
    public async Task<string?> LogAsync(string experiment, string runName, string tool, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, double> metrics, IReadOnlyDictionary<string, string>? tags, IEnumerable<string> artifacts, CancellationToken cancellationToken)
    {
        if (!writer.IsAvailable)
            return null;
        var experimentId = await writer.GetOrCreateExperimentAsync(experiment, cancellationToken);
        var allTags = new Dictionary<string, string>(tags ?? new Dictionary<string, string>())
        {
            [TrackingTags.RunName] = runName, [TrackingTags.Source] = tool, [TrackingTags.Tool] = tool,
        };
        var run = await writer.StartRunAsync(experimentId, runName, allTags, cancellationToken);
        try
        {
            await writer.LogParamsAsync(run.RunId, parameters, cancellationToken);
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await writer.LogMetricsAsync(run.RunId, metrics.Where(m => !double.IsNaN(m.Value)).Select(m => new MetricPoint(m.Key, m.Value, 0, now)).ToList(), cancellationToken);
            foreach (var artifact in artifacts)
                await writer.LogArtifactAsync(run.RunId, artifact, null, cancellationToken);
            await writer.EndRunAsync(run.RunId, TrackedRunStatus.Finished, cancellationToken);
        }
        catch
        {
            await writer.EndRunAsync(run.RunId, TrackedRunStatus.Failed, CancellationToken.None);
            throw;
        }

        return run.RunId;
    }
}
