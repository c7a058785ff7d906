namespace McpFlow.Core.Jobs;

/// <summary>A started job: its id, its completion and its progress stream.</summary>
public sealed class JobHandle
{
    private readonly TaskCompletionSource<JobResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal JobHandle(string id, CancellationTokenSource cancellation)
    {
        Id = id;
        Cancellation = cancellation;
    }

    /// <summary>The job's id.</summary>
    public string Id { get; }

    /// <summary>Completes with the result, or faults/cancels as the job did.</summary>
    public Task<JobResult> Completion => _completion.Task;

    /// <summary>Raised on every progress report (on the job's thread).</summary>
    public event Action<JobProgress>? ProgressChanged;

    internal CancellationTokenSource Cancellation { get; }

    /// <summary>Requests cancellation; a no-op once the job has finished.</summary>
    public void RequestCancel()
    {
        try
        {
            Cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The job already finished and released its token source.
        }
    }

    internal void RaiseProgress(JobProgress progress) => ProgressChanged?.Invoke(progress);

    internal void Complete(JobResult result) => _completion.TrySetResult(result);

    internal void Fail(Exception error) => _completion.TrySetException(error);

    internal void Cancelled() => _completion.TrySetCanceled();
}
