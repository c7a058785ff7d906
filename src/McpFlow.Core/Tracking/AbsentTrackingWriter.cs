using McpFlow.Core.Errors;

namespace McpFlow.Core.Tracking;

/// <summary>
/// The <see cref="ITrackingWriter"/> Core registers when no group implements tracking (a host built without the
/// experiments group): <see cref="IsAvailable"/> is false and callers log nothing. A caller that writes anyway gets an
/// actionable Unavailable error.
/// </summary>
public sealed class AbsentTrackingWriter : ITrackingWriter
{
    /// <inheritdoc />
    public bool IsAvailable => false;

    /// <inheritdoc />
    public Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<TrackedRun> StartRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken) =>
        throw Unavailable();

    /// <inheritdoc />
    public Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task LogMetricsAsync(string runId, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task<string> LogArtifactAsync(string runId, string localPath, string? artifactFolder, CancellationToken cancellationToken) => throw Unavailable();

    /// <inheritdoc />
    public Task EndRunAsync(string runId, TrackedRunStatus status, CancellationToken cancellationToken) => throw Unavailable();

    private static McpFlowException Unavailable() =>
        McpFlowException.Unavailable("Run tracking is not available in this server (the experiments group is not installed).",
            "Results are still saved in the workspace; run a server with the experiments group to log them as MLflow runs.");
}
