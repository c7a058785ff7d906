using System.Collections.Concurrent;
using McpFlow.Core.Tracking;

namespace McpFlow.Pipelines.Tests.TestDoubles;

/// <summary>Records runs in memory (the experiments group implements the real store).</summary>
public sealed class InMemoryTrackingWriter : ITrackingWriter
{
    public sealed class Run
    {
        public required string ExperimentId { get; init; }

        public required string Name { get; init; }

        public ConcurrentDictionary<string, string> Params { get; } = new();

        public ConcurrentDictionary<string, double> Metrics { get; } = new();

        public ConcurrentDictionary<string, string> Tags { get; } = new();

        public ConcurrentBag<string> Artifacts { get; } = [];

        public TrackedRunStatus Status { get; set; } = TrackedRunStatus.Running;
    }

    public ConcurrentDictionary<string, string> Experiments { get; } = new();

    public ConcurrentDictionary<string, Run> Runs { get; } = new();

    public Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Experiments.GetOrAdd(name, _ => (Experiments.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public Task<TrackedRun> StartRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var run = new Run { ExperimentId = experimentId, Name = runName };
        foreach (var (k, v) in tags ?? new Dictionary<string, string>())
            run.Tags[k] = v;
        Runs[id] = run;
        return Task.FromResult(new TrackedRun(experimentId, id, null));
    }

    public Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        foreach (var (k, v) in parameters)
            Runs[runId].Params[k] = v;
        return Task.CompletedTask;
    }

    public Task LogMetricsAsync(string runId, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken)
    {
        foreach (var m in metrics)
            Runs[runId].Metrics[m.Key] = m.Value;
        return Task.CompletedTask;
    }

    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        foreach (var (k, v) in tags)
            Runs[runId].Tags[k] = v;
        return Task.CompletedTask;
    }

    public Task<string> LogArtifactAsync(string runId, string localPath, string? artifactFolder, CancellationToken cancellationToken)
    {
        if (!File.Exists(localPath))
            throw new FileNotFoundException(localPath);
        Runs[runId].Artifacts.Add(Path.GetFileName(localPath));
        return Task.FromResult(Path.GetFileName(localPath));
    }

    public Task EndRunAsync(string runId, TrackedRunStatus status, CancellationToken cancellationToken)
    {
        Runs[runId].Status = status;
        return Task.CompletedTask;
    }
}
