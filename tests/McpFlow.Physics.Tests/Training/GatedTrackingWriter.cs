using McpFlow.Core.Tracking;

namespace McpFlow.Physics.Tests.Training;

/// <summary>A tracking store whose metric calls wait until the test opens the gate (a slow remote MLflow), and fail
/// with <see cref="FailWith"/> when set. Only the metric calls are used by the uplink.</summary>
public sealed class GatedTrackingWriter : ITrackingWriter
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IReadOnlyList<MetricPoint>> _received = [];

    /// <summary>Thrown by every metric call once the gate is open, when set.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Completes when the first metric call has arrived.</summary>
    public Task FirstCall => _firstCall.Task;

    /// <summary>Batches stored so far, in order.</summary>
    public List<IReadOnlyList<MetricPoint>> Received
    {
        get
        {
            lock (_received)
                return [.. _received];
        }
    }

    /// <summary>How many metric calls arrived (stored or failed).</summary>
    public int Calls { get; private set; }

    /// <summary>Lets the waiting and all later metric calls proceed.</summary>
    public void Open() => _gate.TrySetResult();

    public async Task LogMetricsAsync(string runId, IReadOnlyList<MetricPoint> metrics, CancellationToken cancellationToken)
    {
        Calls++;
        _firstCall.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        if (FailWith is not null)
            throw FailWith;
        lock (_received)
            _received.Add(metrics);
    }

    public Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TrackedRun> StartRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> LogArtifactAsync(string runId, string localPath, string? artifactFolder, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task EndRunAsync(string runId, TrackedRunStatus status, CancellationToken cancellationToken) => throw new NotSupportedException();
}
