using McpFlow.Core.Jobs;

namespace McpFlow.Core.Tests.Jobs;

/// <summary>A job's work that signals when it starts and then holds its slot until the test calls <see cref="Finish"/>
/// (or, with <c>untilCancelled</c>, until the job is cancelled).</summary>
public sealed class GatedJob(string name, bool untilCancelled = false)
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The job's title and its name in the start order.</summary>
    public string Name { get; } = name;

    /// <summary>Completes when the work has started.</summary>
    public Task Started => _started.Task;

    /// <summary>Lets the work return.</summary>
    public void Finish() => _finish.SetResult();

    /// <summary>The work: records its start, signals it and waits for <see cref="Finish"/> or cancellation.</summary>
    public async Task<JobResult> RunAsync(JobContext ctx, Action onStart)
    {
        onStart();
        _started.SetResult();
        if (untilCancelled)
            await new TaskCompletionSource().Task.WaitAsync(ctx.CancellationToken);
        else
            await _finish.Task;
        return new JobResult($"{Name} done");
    }
}
