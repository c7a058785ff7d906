using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;

namespace McpFlow.Experiments.Tracking;

/// <summary>
/// Logs a complete run (create, params, metrics, artifacts, end) with MLflow's semantics for a failure: names are
/// checked before the run is created, and when the store refuses something after that (a param the server rejects,
/// an artifact it cannot take, a server that stops answering) the run is ended as FAILED, as MLflow's own
/// <c>with mlflow.start_run()</c> does on an exception, so it is never left RUNNING. The error then says what
/// became of the run.
/// </summary>
public sealed class RunLogger(ITrackingStore store)
{
    /// <summary>Time given to marking a half-logged run FAILED (5 s: one quick request; the failure itself already
    /// took up to the store's own limit).</summary>
    public static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Logs the run and returns where it went.</summary>
    public async Task<LoggedRun> LogAsync(RunToLog run, CancellationToken cancellationToken)
    {
        foreach (var key in run.Params.Keys)
            TrackingKeys.Validate(key, "param");
        foreach (var key in run.Tags.Keys)
            TrackingKeys.Validate(key, "tag");
        foreach (var key in run.Metrics.Select(m => m.Key).Distinct())
            TrackingKeys.Validate(key, "metric");
        var experimentId = await store.GetOrCreateExperimentAsync(run.Experiment, cancellationToken);
        var started = await store.StartRunAsync(experimentId, run.RunName, run.Tags, cancellationToken);
        var artifacts = new List<string>();
        try
        {
            if (run.Params.Count > 0)
                await store.LogParamsAsync(started.RunId, run.Params, cancellationToken);
            if (run.Metrics.Count > 0)
                await store.LogMetricsAsync(started.RunId, run.Metrics, cancellationToken);
            foreach (var file in run.ArtifactFiles)
                artifacts.Add(await store.LogArtifactAsync(started.RunId, file, null, cancellationToken));
        }
        catch (Exception e) when (e is McpFlowException or IOException or OperationCanceledException)
        {
            throw await MarkFailedAsync(run.RunName, started.RunId, e);
        }

        await store.EndRunAsync(started.RunId, run.Status, cancellationToken);
        return new LoggedRun(experimentId, started, artifacts);
    }

    private async Task<Exception> MarkFailedAsync(string runName, string runId, Exception failure)
    {
        string outcome;
        using var cleanup = new CancellationTokenSource(CleanupTimeout);
        try
        {
            await store.EndRunAsync(runId, TrackedRunStatus.Failed, cleanup.Token);
            outcome = $"Run '{runName}' ({runId}) was created, then ended as FAILED so it is not left RUNNING.";
        }
        catch (Exception e) when (e is McpFlowException or IOException or OperationCanceledException)
        {
            outcome = $"Run '{runName}' ({runId}) was created but could not be marked FAILED either, so the server may still show it RUNNING.";
        }

        return failure is McpFlowException m
            ? new McpFlowException(m.Kind, $"{m.Message} {outcome}", m.Hint, failure)
            : failure is OperationCanceledException
                ? new OperationCanceledException($"Logging was cancelled. {outcome}", failure)
                : new McpFlowException(ErrorKind.Unavailable, $"Logging the run failed while copying a file. {outcome}", "Check the artifact files and try again.", failure);
    }
}

/// <summary>A run to log.</summary>
/// <param name="Experiment">Experiment name (created when missing).</param>
/// <param name="RunName">Run name.</param>
/// <param name="Params">Params.</param>
/// <param name="Metrics">Metric points.</param>
/// <param name="Tags">Tags.</param>
/// <param name="ArtifactFiles">Resolved local files to copy as artifacts.</param>
/// <param name="Status">Final status when everything was logged.</param>
public sealed record RunToLog(
    string Experiment, string RunName, IReadOnlyDictionary<string, string> Params, IReadOnlyList<MetricPoint> Metrics,
    IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> ArtifactFiles, TrackedRunStatus Status);

/// <summary>Where a logged run went.</summary>
/// <param name="ExperimentId">Experiment id.</param>
/// <param name="Run">The run (id and artifact URI).</param>
/// <param name="Artifacts">Artifact paths, relative to the run's artifact root.</param>
public sealed record LoggedRun(string ExperimentId, TrackedRun Run, IReadOnlyList<string> Artifacts);
