using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Testing;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Core.Tests.Jobs;

/// <summary>
/// Jobs start in the order they were submitted, each when a slot frees. Every step is driven by a
/// <see cref="TaskCompletionSource"/> the test completes and every observation follows an event the job itself
/// signalled (its work started, its completion), so the outcome does not depend on the thread pool or the load.
/// </summary>
public sealed class JobManagerOrderTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("job-order");
    private readonly McpFlowOptions _options;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly List<string> _starts = [];

    public JobManagerOrderTests() => _options = new McpFlowOptions { WorkspacePath = _temp };

    public void Dispose() => TempFolder.TryDelete(_temp);

    [Fact]
    public async Task OneSlot_StartsJobsInSubmissionOrder_EachWhenThePreviousReleasesTheSlot()
    {
        _options.Jobs.MaxConcurrent = 1;
        using var jobs = NewManager();
        var a = new GatedJob("A");
        var b = new GatedJob("B");
        var c = new GatedJob("C");

        var handleA = Submit(jobs, a);
        var handleB = Submit(jobs, b);
        var handleC = Submit(jobs, c);

        // A took the free slot during Start; B and C wait behind it.
        await a.Started;
        States(jobs, handleA, handleB, handleC).Should().Equal(JobState.Running, JobState.Queued, JobState.Queued);

        a.Finish();
        // Wait for whichever of B and C starts next, so that a wrong order fails here instead of hanging.
        await Task.WhenAny(b.Started, c.Started);
        StartOrder().Should().Equal("A", "B");
        States(jobs, handleA, handleB, handleC).Should().Equal(JobState.Succeeded, JobState.Running, JobState.Queued);

        b.Finish();
        await c.Started;
        States(jobs, handleA, handleB, handleC).Should().Equal(JobState.Succeeded, JobState.Succeeded, JobState.Running);

        c.Finish();
        await handleC.Completion;
        StartOrder().Should().Equal("A", "B", "C");
        jobs.Get(handleC.Id).State.Should().Be(JobState.Succeeded);
    }

    [Fact]
    public async Task OneSlot_StartsManyWaitingJobsInSubmissionOrder()
    {
        // Twenty jobs queue behind a blocker and each finishes at once: a queue without order (a semaphore, waiters
        // started on the thread pool) lets them overtake each other.
        _options.Jobs.MaxConcurrent = 1;
        using var jobs = NewManager();
        var blocker = new GatedJob("blocker");
        Submit(jobs, blocker);
        await blocker.Started;
        var names = Enumerable.Range(1, 20).Select(i => $"job-{i:00}").ToList();
        var handles = names.Select(name => jobs.Start("test", name, _ => Started(name))).ToList();
        handles.Select(h => jobs.Get(h.Id).State).Should().AllBeEquivalentTo(JobState.Queued);

        blocker.Finish();
        await Task.WhenAll(handles.Select(h => h.Completion));

        StartOrder().Should().Equal(["blocker", .. names]);
    }

    [Fact]
    public async Task TwoSlots_GiveAFreedSlotToTheOldestWaitingJob()
    {
        _options.Jobs.MaxConcurrent = 2;
        using var jobs = NewManager();
        var gated = new[] { "A", "B", "C", "D" }.Select(n => new GatedJob(n)).ToList();
        var handles = gated.Select(g => Submit(jobs, g)).ToList();
        await Task.WhenAll(gated[0].Started, gated[1].Started);
        States(jobs, [.. handles]).Should().Equal(JobState.Running, JobState.Running, JobState.Queued, JobState.Queued);

        gated[1].Finish(); // the second job ends first: its slot goes to C, the oldest waiting job, not D
        await Task.WhenAny(gated[2].Started, gated[3].Started);
        StartOrder().Should().Equal("A", "B", "C");
        States(jobs, [.. handles]).Should().Equal(JobState.Running, JobState.Succeeded, JobState.Running, JobState.Queued);

        gated[0].Finish();
        await gated[3].Started;
        gated[2].Finish();
        gated[3].Finish();
        await Task.WhenAll(handles.Select(h => h.Completion));
        StartOrder().Should().Equal("A", "B", "C", "D");
    }

    [Fact]
    public async Task CancellingAQueuedJob_RemovesItAtOnce_AndItsWorkNeverRuns()
    {
        _options.Jobs.MaxConcurrent = 1;
        using var jobs = NewManager();
        var a = new GatedJob("A");
        var b = new GatedJob("B");
        var c = new GatedJob("C");
        var handleA = Submit(jobs, a);
        var handleB = Submit(jobs, b);
        var handleC = Submit(jobs, c);
        await a.Started;

        var record = jobs.Cancel(handleB.Id);

        record.State.Should().Be(JobState.Cancelled, "a job that never started is cancelled synchronously");
        record.Error.Should().Be("Cancelled on request before it started.");
        record.StartedAt.Should().BeNull();
        handleB.Completion.IsCanceled.Should().BeTrue();
        jobs.TryGetHandle(handleB.Id).Should().BeNull();
        await ((Func<Task>)(() => jobs.WaitAsync(handleB.Id, TimeSpan.Zero, CancellationToken.None))).Should().NotThrowAsync();

        a.Finish();
        await c.Started; // the slot skips the cancelled job
        c.Finish();
        await handleC.Completion;
        StartOrder().Should().Equal("A", "C");
        jobs.Get(handleA.Id).State.Should().Be(JobState.Succeeded);
        jobs.Get(handleB.Id).State.Should().Be(JobState.Cancelled);
    }

    [Fact]
    public async Task CancelAll_CancelsQueuedJobsWithoutStartingThem()
    {
        _options.Jobs.MaxConcurrent = 1;
        using var jobs = NewManager();
        var a = new GatedJob("A", untilCancelled: true);
        var handleA = Submit(jobs, a);
        var queued = Enumerable.Range(0, 3).Select(i => Submit(jobs, new GatedJob($"Q{i}"))).ToList();
        await a.Started;

        jobs.CancelAll().Should().Be(4);

        queued.Select(h => jobs.Get(h.Id).State).Should().AllBeEquivalentTo(JobState.Cancelled);
        await FluentActions.Awaiting(() => handleA.Completion).Should().ThrowAsync<OperationCanceledException>();
        (await jobs.WaitAsync(handleA.Id, TimeSpan.Zero, CancellationToken.None)).State.Should().Be(JobState.Cancelled);
        StartOrder().Should().Equal("A");
    }

    [Fact]
    public async Task QueuedAndRunningStates_ArePersisted_WithTheStartTime()
    {
        _options.Jobs.MaxConcurrent = 1;
        using var jobs = NewManager();
        var a = new GatedJob("A");
        var b = new GatedJob("B");
        var handleA = Submit(jobs, a);
        _time.Advance(TimeSpan.FromSeconds(5));
        var handleB = Submit(jobs, b);
        await a.Started;

        Stored(handleA.Id).State.Should().Be(JobState.Running);
        Stored(handleB.Id).State.Should().Be(JobState.Queued);

        _time.Advance(TimeSpan.FromSeconds(5));
        a.Finish();
        await b.Started;
        var startedB = jobs.Get(handleB.Id);
        startedB.State.Should().Be(JobState.Running);
        startedB.StartedAt.Should().Be(new DateTimeOffset(2026, 3, 1, 9, 0, 10, TimeSpan.Zero));
        startedB.CreatedAt.Should().Be(new DateTimeOffset(2026, 3, 1, 9, 0, 5, TimeSpan.Zero));
        Stored(handleB.Id).State.Should().Be(JobState.Running);
        b.Finish();
        await handleB.Completion;
        jobs.Get(handleA.Id).StartedAt.Should().Be(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task WaitAsync_ReturnsTheRecordAsItStands_WhenTheWaitEndsFirst()
    {
        using var jobs = NewManager();
        var a = new GatedJob("A");
        var handle = Submit(jobs, a);
        await a.Started;

        var waiting = jobs.WaitAsync(handle.Id, TimeSpan.FromSeconds(30), CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(30));

        (await waiting).State.Should().Be(JobState.Running);
        a.Finish();
        (await jobs.WaitAsync(handle.Id, TimeSpan.FromSeconds(30), CancellationToken.None)).State.Should().Be(JobState.Succeeded);
    }

    private JobManager NewManager() => new(new McpFlowWorkspace(_options), _options, _time);

    private JobRecord Stored(string id) =>
        JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(Path.Combine(_temp, "jobs", id, "job.json")), McpFlowJson.Options)!;

    private JobHandle Submit(JobManager jobs, GatedJob job) => jobs.Start("test", job.Name, ctx => job.RunAsync(ctx, () => Record(job.Name)));

    private Task<JobResult> Started(string name)
    {
        Record(name);
        return Task.FromResult(new JobResult(name));
    }

    private void Record(string name)
    {
        lock (_starts)
            _starts.Add(name);
    }

    private List<string> StartOrder()
    {
        lock (_starts)
            return [.. _starts];
    }

    private static List<JobState> States(JobManager jobs, params JobHandle[] handles) => handles.Select(h => jobs.Get(h.Id).State).ToList();
}
