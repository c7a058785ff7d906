namespace McpFlow.Core.Tracking;

/// <summary>
/// How every group records its work as MLflow-style runs (experiments, runs, params, metrics with steps, tags,
/// artifacts). Without the experiments group, Core's <see cref="AbsentTrackingWriter"/> stands in. Implemented by the experiments group for the local MLflow file store (default) and the MLflow
/// REST API; a read-only backend (an existing MLflow SQLite database) refuses writes with a clear error.
/// </summary>
public interface ITrackingWriter
{
    /// <summary>False for <see cref="AbsentTrackingWriter"/>, which Core registers when no group implements tracking:
    /// callers then log nothing (and have no tracking run id). True for every real store.</summary>
    bool IsAvailable => true;

    /// <summary>Returns the id of the experiment named <paramref name="name"/>, creating it if needed.</summary>
    Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates a run in state RUNNING.</summary>
    Task<TrackedRun> StartRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken);

    /// <summary>Logs parameters (MLflow: immutable once logged; values are strings).</summary>
    Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken);

    /// <summary>Logs metric points (any number; large batches are split to respect backend limits).</summary>
    Task LogMetricsAsync(string runId, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken);

    /// <summary>Sets tags (mutable).</summary>
    Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>Copies a local file into the run's artifacts, under <paramref name="artifactFolder"/> when given;
    /// returns the artifact's relative path.</summary>
    Task<string> LogArtifactAsync(string runId, string localPath, string? artifactFolder, CancellationToken cancellationToken);

    /// <summary>Ends the run with a final status.</summary>
    Task EndRunAsync(string runId, TrackedRunStatus status, CancellationToken cancellationToken);
}
