using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Testing;
using Microsoft.Extensions.Logging;

namespace McpFlow.Core.Tests.Jobs;

public sealed class JobManagerTests : IDisposable
{
    private readonly string _temp = TempFolder.Create("jobs");
    private readonly McpFlowOptions _options;

    public JobManagerTests() => _options = new McpFlowOptions { WorkspacePath = _temp };

    public void Dispose() => TempFolder.TryDelete(_temp);

    private JobManager NewManager() => new(new McpFlowWorkspace(_options), _options);

    [Fact]
    public async Task Start_RunsWorkAndStoresResult_WhenWorkSucceeds()
    {
        using var jobs = NewManager();
        var handle = jobs.Start("test", "adds", ctx =>
        {
            ctx.Report(0.5, "half way");
            return Task.FromResult(new JobResult("2 + 2 = 4", System.Text.Json.Nodes.JsonNode.Parse("{\"sum\":4}")));
        });

        var record = await jobs.WaitAsync(handle.Id, TimeSpan.FromSeconds(10), CancellationToken.None);

        record.State.Should().Be(JobState.Succeeded);
        record.ResultSummary.Should().Be("2 + 2 = 4");
        jobs.GetResult(handle.Id)!.Data!["sum"]!.GetValue<int>().Should().Be(4);
        File.Exists(Path.Combine(_temp, "jobs", handle.Id, "job.json")).Should().BeTrue();
    }

    [Fact]
    public async Task Cancel_StopsRunningJob_AndRecordsCancelled()
    {
        using var jobs = NewManager();
        var started = new TaskCompletionSource();
        var handle = jobs.Start("test", "waits forever", async ctx =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
            return new JobResult("never");
        });
        await started.Task;

        jobs.Cancel(handle.Id);
        var record = await jobs.WaitAsync(handle.Id, TimeSpan.FromSeconds(10), CancellationToken.None);

        record.State.Should().Be(JobState.Cancelled);
        ((Action)(() => jobs.Cancel(handle.Id))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Conflict);
    }

    [Fact]
    public async Task UnexpectedFailure_IsRecordedByKindTypeAndLogId_WithTheMessageOnlyInTheLog()
    {
        using var log = new Support.CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(log));
        using var jobs = new JobManager(new McpFlowWorkspace(_options), _options, logger: factory.CreateLogger<JobManager>());
        var handle = jobs.Start("data_load", "loads", _ => throw new InvalidOperationException("Could not convert string 'alice,4111-1111' to INT32"));

        var record = await jobs.WaitAsync(handle.Id, TimeSpan.FromSeconds(10), CancellationToken.None);

        record.State.Should().Be(JobState.Failed);
        record.Error.Should().MatchRegex("^data_load failed: InvalidOperationException \\(log id [0-9a-f]{8}\\)$");
        var id = record.Error![^9..^1];
        log.Entries.Should().Contain(e => e.Message.Contains(id) && e.Exception!.Message.Contains("alice"));
    }

    [Fact]
    public async Task DomainFailure_RepeatsAtMost200CharactersOfTheJobsParameters()
    {
        using var jobs = NewManager();
        var path = new string('p', 5_000);
        var handle = jobs.Start("data_load", "loads", _ => throw McpFlowException.NotFound($"No file '{path}'."),
            System.Text.Json.Nodes.JsonNode.Parse($"{{\"path\": \"{path}\"}}"));

        var record = await jobs.WaitAsync(handle.Id, TimeSpan.FromSeconds(10), CancellationToken.None);

        record.Error.Should().Be($"No file '{path[..200]}… [4,800 more characters of an argument not shown]'.");
    }

    [Fact]
    public async Task CancelAll_CancelsEveryLiveJob()
    {
        using var jobs = NewManager();
        var started = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        var handles = started.Select(s => jobs.Start("test", "waits", async ctx =>
        {
            s.SetResult();
            await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
            return new JobResult("never");
        })).ToList();
        await Task.WhenAll(started.Select(s => s.Task));

        jobs.CancelAll().Should().Be(2);

        foreach (var handle in handles)
            (await jobs.WaitAsync(handle.Id, TimeSpan.FromSeconds(10), CancellationToken.None)).State.Should().Be(JobState.Cancelled);
    }

    [Fact]
    public async Task Failure_IsRecordedWithActionableMessage()
    {
        using var jobs = NewManager();
        var handle = jobs.Start("test", "fails", _ => throw McpFlowException.Invalid("epochs must be positive.", "Use epochs=1000."));
        var record = await jobs.WaitAsync(handle.Id, TimeSpan.FromSeconds(10), CancellationToken.None);
        record.State.Should().Be(JobState.Failed);
        record.Error.Should().Be("epochs must be positive. Hint: Use epochs=1000.");
    }

    [Fact]
    public async Task MaxConcurrent_QueuesExtraJobs()
    {
        // No wall-clock wait: the second job records whether the first had finished when it started. With one slot
        // it can only start after the first releases it, whatever order the thread pool runs them in.
        _options.Jobs.MaxConcurrent = 1;
        using var jobs = NewManager();
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstFinished = false;
        var secondSawFirstFinished = false;
        var first = jobs.Start("test", "first", async _ =>
        {
            firstRunning.SetResult();
            await release.Task;
            Volatile.Write(ref firstFinished, true);
            return new JobResult("1");
        });
        await firstRunning.Task;
        var second = jobs.Start("test", "second", _ =>
        {
            secondSawFirstFinished = Volatile.Read(ref firstFinished);
            return Task.FromResult(new JobResult("2"));
        });

        jobs.Get(second.Id).State.Should().Be(JobState.Queued);
        release.SetResult();
        (await jobs.WaitAsync(second.Id, TimeSpan.FromSeconds(30), CancellationToken.None)).State.Should().Be(JobState.Succeeded);
        secondSawFirstFinished.Should().BeTrue("the only slot was held by the first job until it finished");
        jobs.Get(first.Id).State.Should().Be(JobState.Succeeded);
    }

    [Fact]
    public void Restart_ReportsJobsOfDeadProcessAsInterrupted()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "jobs", "job-old")).FullName;
        var stale = new JobRecord
        {
            Id = "job-old", Kind = "pinn_training", Title = "old", State = JobState.Running,
            CreatedAt = DateTimeOffset.UtcNow.AddHours(-1), ProcessId = int.MaxValue - 7,
        };
        File.WriteAllText(Path.Combine(folder, "job.json"), JsonSerializer.Serialize(stale, McpFlowJson.Options));

        using var jobs = NewManager();

        var record = jobs.Get("job-old");
        record.State.Should().Be(JobState.Interrupted);
        record.Error.Should().Contain("ended before it finished");
    }

    [Fact]
    public void Restart_SkipsCorruptedRecords()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "jobs", "job-bad")).FullName;
        File.WriteAllText(Path.Combine(folder, "job.json"), "{ not json");
        using var jobs = NewManager();
        jobs.List().Should().BeEmpty();
    }

    [Fact]
    public void Get_ThrowsNotFound_WithHint()
    {
        using var jobs = NewManager();
        ((Action)(() => jobs.Get("job-nope"))).Should().Throw<McpFlowException>()
            .Where(e => e.Kind == ErrorKind.NotFound && e.Hint!.Contains("job_list"));
    }
}
