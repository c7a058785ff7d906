using System.Text.Json.Nodes;
using McpFlow.Core.Configuration;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Tests.TestDoubles;
using McpFlow.Core.Workspace;
using McpFlow.Testing;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Core.Tests.Jobs.Distributed;

/// <summary>
/// The worker side of a distributed job, on an in-memory engine and a fake clock: the job is rebuilt from its kind and
/// parameters alone, and its end (result, time limit, cancellation, worker stopping) is what the record says.
/// Handlers are ordered by <see cref="TaskCompletionSource"/>s, never by wall-clock waits.
/// </summary>
public sealed class DistributedJobExecutorTests : IDisposable
{
    private const string JobId = "job-20261203-120000-abcdef";
    private readonly string _temp = TempFolder.Create("distributed-jobs");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryJobEngine _engine = new();
    private readonly McpFlowOptions _options;

    public DistributedJobExecutorTests()
    {
        _options = new McpFlowOptions { WorkspacePath = _temp };
        _options.Jobs.TimeLimitSeconds = 30;
    }

    public void Dispose() => TempFolder.TryDelete(_temp);

    [Fact]
    public async Task ExecuteAsync_RebuildsTheJobFromItsParameters_AndStoresResultAndProgress()
    {
        var handler = new SumHandler();
        Enqueue(SumHandler.Kind);

        await Executor(handler).ExecuteAsync(JobId, SumHandler.Kind, """{"a": 2, "b": 40}""", CancellationToken.None);

        var record = _engine.Stored(JobId);
        record.State.Should().Be(JobState.Succeeded);
        record.Attempt.Should().Be(1);
        record.RunsOn.Should().StartWith("worker ").And.EndWith("queue 'maths'");
        record.Progress!.Fraction.Should().Be(1.0, "the handler's last report (fraction 1) is always stored");
        // 2 + 40, computed by the handler from the parameters JSON only.
        _engine.GetResult(JobId)!.Data!["sum"]!.GetValue<int>().Should().Be(42);
    }

    [Fact]
    public async Task ExecuteAsync_StopsAJobAtTheTimeLimit_AndRecordsItAsFailed()
    {
        var handler = new BlockingHandler();
        Enqueue(BlockingHandler.Kind);
        var run = Executor(handler).ExecuteAsync(JobId, BlockingHandler.Kind, "{}", CancellationToken.None);
        await handler.Started.Task;

        _time.Advance(TimeSpan.FromSeconds(_options.Jobs.TimeLimitSeconds)); // the limit, on the fake clock
        await run;

        var record = _engine.Stored(JobId);
        record.State.Should().Be(JobState.Failed);
        record.Error.Should().Contain("time limit of 30 s");
    }

    [Fact]
    public async Task ExecuteAsync_EndsAsCancelled_WhenTheEngineCancelledTheJob()
    {
        var handler = new BlockingHandler();
        Enqueue(BlockingHandler.Kind);
        using var stop = new CancellationTokenSource();
        var run = Executor(handler).ExecuteAsync(JobId, BlockingHandler.Kind, "{}", stop.Token);
        await handler.Started.Task;

        _engine.Cancel(JobId); // job_cancel on some server
        await stop.CancelAsync(); // the engine signals the worker
        await run;

        _engine.Stored(JobId).State.Should().Be(JobState.Cancelled);
        _engine.Stored(JobId).Error.Should().Contain("the worker stopped it");
    }

    [Fact]
    public async Task ExecuteAsync_HandsTheJobBack_WhenTheWorkerStops()
    {
        var handler = new BlockingHandler();
        Enqueue(BlockingHandler.Kind);
        using var stop = new CancellationTokenSource();
        var run = Executor(handler).ExecuteAsync(JobId, BlockingHandler.Kind, "{}", stop.Token);
        await handler.Started.Task;

        await stop.CancelAsync(); // worker shutting down, nobody cancelled the job

        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>("the engine then retries it on another worker");
        _engine.Stored(JobId).State.Should().Be(JobState.Running);
    }

    [Fact]
    public async Task ExecuteAsync_RecordsAnUnknownKindAsFailed_WithoutRunningAnything()
    {
        Enqueue(SumHandler.Kind);

        await Executor(new SumHandler()).ExecuteAsync(JobId, "not_registered", "{}", CancellationToken.None);

        _engine.Stored(JobId).State.Should().Be(JobState.Failed);
        _engine.Stored(JobId).Error.Should().Contain("cannot run jobs of kind 'not_registered'");
    }

    [Fact]
    public async Task ExecuteAsync_GivesATakenOverJobItsAttempt_TheWorkersThreadBudget_AndKeepsItsNote()
    {
        _options.Jobs.ThreadsPerJob = 3;
        var handler = new SumHandler();
        Enqueue(SumHandler.Kind, attempt: 1); // the first attempt's worker died

        await Executor(handler).ExecuteAsync(JobId, SumHandler.Kind, """{"a": 1, "b": 2}""", CancellationToken.None);

        handler.Attempt.Should().Be(2);
        handler.Threads.Should().Be(3, "--job-threads 3");
        JobThreads.Current.Should().BeNull("the budget holds only in the job's flow");
        _engine.Stored(JobId).Note.Should().Be("attempt 2 noted");
        _engine.Stored(JobId).State.Should().Be(JobState.Succeeded);
    }

    [Fact]
    public void Budget_DividesTheCoresAmongTheJobs_UnlessSet()
    {
        // Environment.ProcessorCount cores shared by MaxConcurrent jobs, at least one each.
        JobThreads.Budget(new JobOptions { MaxConcurrent = 2 }).Should().Be(Math.Max(1, Environment.ProcessorCount / 2));
        JobThreads.Budget(new JobOptions { MaxConcurrent = 1000 }).Should().Be(1);
        JobThreads.Budget(new JobOptions { MaxConcurrent = 2, ThreadsPerJob = 5 }).Should().Be(5);
    }

    private void Enqueue(string kind, int? attempt = null) =>
        _engine.Enqueue(new JobRecord { Id = JobId, Kind = kind, Title = "test", State = JobState.Queued, CreatedAt = _time.GetUtcNow(), Attempt = attempt },
            new DistributedJobKind(kind, "maths", typeof(SumHandler)), new JsonObject());

    private DistributedJobExecutor Executor(IDistributedJobHandler handler) =>
        new(_engine, new DistributedJobKinds([new(SumHandler.Kind, "maths", typeof(SumHandler)), new(BlockingHandler.Kind, "maths", typeof(BlockingHandler))]),
            [handler], new McpFlowWorkspace(_options), _options, _time);

    private sealed class SumHandler : IDistributedJobHandler
    {
        public const string Kind = "sum";

        public int? Attempt { get; private set; }

        public int? Threads { get; private set; }

        public Task<JobResult> RunAsync(JsonNode parameters, JobContext context)
        {
            Attempt = context.Attempt;
            Threads = JobThreads.Current;
            context.Note($"attempt {context.Attempt} noted");
            var sum = parameters["a"]!.GetValue<int>() + parameters["b"]!.GetValue<int>();
            context.Report(0.5, "half");
            context.Report(1.0, "done");
            return Task.FromResult(new JobResult($"sum {sum}", new JsonObject { ["sum"] = sum }));
        }
    }

    private sealed class BlockingHandler : IDistributedJobHandler
    {
        public const string Kind = "block";

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<JobResult> RunAsync(JsonNode parameters, JobContext context)
        {
            Started.SetResult();
            await new TaskCompletionSource().Task.WaitAsync(context.CancellationToken);
            return new JobResult("never");
        }
    }
}
