using System.Collections.Concurrent;
using McpFlow.Core.Tracking;

namespace McpFlow.Physics.Tests.Tools;

/// <summary>A test double of the experiments group's tracking store that keeps everything in memory.</summary>
public sealed class InMemoryTrackingWriter : ITrackingWriter
{
    public ConcurrentBag<MetricPoint> Metrics { get; } = [];

    public ConcurrentDictionary<string, string> Params { get; } = new();

    public ConcurrentDictionary<string, TrackedRunStatus> Ended { get; } = new();

    public Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken) => Task.FromResult("1");

    public Task<TrackedRun> StartRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken) =>
        Task.FromResult(new TrackedRun(experimentId, Guid.NewGuid().ToString("N"), null));

    public Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        foreach (var (k, v) in parameters)
            Params[k] = v;
        return Task.CompletedTask;
    }

    public Task LogMetricsAsync(string runId, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken)
    {
        foreach (var m in metrics)
            Metrics.Add(m);
        return Task.CompletedTask;
    }

    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> LogArtifactAsync(string runId, string localPath, string? artifactFolder, CancellationToken cancellationToken) =>
        Task.FromResult(Path.GetFileName(localPath));

    public Task EndRunAsync(string runId, TrackedRunStatus status, CancellationToken cancellationToken)
    {
        Ended[runId] = status;
        return Task.CompletedTask;
    }
}
