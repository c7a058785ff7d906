using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Mcp;
using McpFlow.Core.Workspace;
using McpFlow.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Core.Tests.Jobs;

/// <summary>
/// The manager runs on a fake clock that these tests advance only to test the wait's timeout: every other
/// <see cref="JobManager.WaitAsync"/> returns when the job ends, however slow the machine. Jobs are ordered by
/// <see cref="TaskCompletionSource"/>s the tests complete, never by wall-clock waits.
/// </summary>
public sealed class JobManagerTests : IDisposable
{
    /// <summary>A wait on the fake clock: it never times out unless a test advances the clock.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly string _temp = TempFolder.Create("jobs");
    private readonly McpFlowOptions _options;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public JobManagerTests() => _options = new McpFlowOptions { WorkspacePath = _temp };

    public void Dispose() => TempFolder.TryDelete(_temp);

    private JobManager NewManager() => new(new McpFlowWorkspace(_options), _options, _time);

    private static async Task<JobResult> UntilCancelled(JobContext ctx)
    {
        await new TaskCompletionSource().Task.WaitAsync(ctx.CancellationToken);
        return new JobResult("never");
    }

    [Fact]
    public async Task Start_RunsWorkAndStoresResult_WhenWorkSucceeds()
    {
        using var jobs = NewManager();
        var handle = jobs.Start("test", "adds", ctx =>
        {
            ctx.Report(0.5, "half way");
            return Task.FromResult(new JobResult("2 + 2 = 4", System.Text.Json.Nodes.JsonNode.Parse("{\"sum\":4}")));
        });

        var record = await jobs.WaitAsync(handle.Id, Wait, CancellationToken.None);

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
        var handle = jobs.Start("test", "waits forever", ctx =>
        {
            started.SetResult();
            return UntilCancelled(ctx);
        });
        await started.Task;

        jobs.Cancel(handle.Id);
        var record = await jobs.WaitAsync(handle.Id, Wait, CancellationToken.None);

        record.State.Should().Be(JobState.Cancelled);
        ((Action)(() => jobs.Cancel(handle.Id))).Should().Throw<McpFlowException>().Where(e => e.Kind == ErrorKind.Conflict);
    }

    [Fact]
    public async Task UnexpectedFailure_IsRecordedByKindTypeAndLogId_WithTheMessageOnlyInTheLog()
    {
        using var log = new Support.CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(log));
        using var jobs = new JobManager(new McpFlowWorkspace(_options), _options, _time, logger: factory.CreateLogger<JobManager>());
        var handle = jobs.Start("data_load", "loads", _ => throw new InvalidOperationException("Could not convert string 'alice,4111-1111' to INT32"));

        var record = await jobs.WaitAsync(handle.Id, Wait, CancellationToken.None);

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

        var record = await jobs.WaitAsync(handle.Id, Wait, CancellationToken.None);

        record.Error.Should().Be($"No file '{path[..200]}… [4,800 more characters of an argument not shown]'.");
    }

    [Fact]
    public async Task CancelAll_CancelsEveryLiveJob()
    {
        using var jobs = NewManager();
        var started = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        var handles = started.Select(s => jobs.Start("test", "waits", ctx =>
        {
            s.SetResult();
            return UntilCancelled(ctx);
        })).ToList();
        await Task.WhenAll(started.Select(s => s.Task));

        jobs.CancelAll().Should().Be(2);

        foreach (var handle in handles)
            (await jobs.WaitAsync(handle.Id, Wait, CancellationToken.None)).State.Should().Be(JobState.Cancelled);
    }

    [Fact]
    public async Task Failure_IsRecordedWithActionableMessage()
    {
        using var jobs = NewManager();
        var handle = jobs.Start("test", "fails", _ => throw McpFlowException.Invalid("epochs must be positive.", "Use epochs=1000."));
        var record = await jobs.WaitAsync(handle.Id, Wait, CancellationToken.None);
        record.State.Should().Be(JobState.Failed);
        record.Error.Should().Be("epochs must be positive. Hint: Use epochs=1000.");
    }

    [Fact]
    public void Restart_ReportsJobsOfDeadProcessAsInterrupted()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "jobs", "job-old")).FullName;
        var stale = new JobRecord
        {
            Id = "job-old", Kind = "pinn_training", Title = "old", State = JobState.Running,
            CreatedAt = _time.GetUtcNow().AddHours(-1), ProcessId = int.MaxValue - 7,
        };
        File.WriteAllText(Path.Combine(folder, "job.json"), JsonSerializer.Serialize(stale, McpFlowJson.Options));

        using var jobs = NewManager();

        var record = jobs.Get("job-old");
        record.State.Should().Be(JobState.Interrupted);
        record.Error.Should().Contain("ended before it finished");
    }

    [Fact]
    public void Restart_ReportsQueuedJobsOfDeadProcessAsInterrupted_AndKeepsFinishedOnes()
    {
        var dead = int.MaxValue - 7;
        Write(new JobRecord { Id = "job-queued", Kind = "pinn_training", Title = "queued", State = JobState.Queued, CreatedAt = _time.GetUtcNow(), ProcessId = dead });
        Write(new JobRecord
        {
            Id = "job-done", Kind = "pinn_training", Title = "done", State = JobState.Succeeded, CreatedAt = _time.GetUtcNow(),
            FinishedAt = _time.GetUtcNow(), ProcessId = dead, ResultSummary = "ok",
        });

        using var jobs = NewManager();

        jobs.Get("job-queued").State.Should().Be(JobState.Interrupted);
        jobs.Get("job-done").State.Should().Be(JobState.Succeeded);
        ReadStored("job-queued").State.Should().Be(JobState.Interrupted, "the recovered state is persisted, not only held in memory");
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

    private void Write(JobRecord record)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "jobs", record.Id)).FullName;
        File.WriteAllText(Path.Combine(folder, "job.json"), JsonSerializer.Serialize(record, McpFlowJson.Options));
    }

    private JobRecord ReadStored(string id) =>
        JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(Path.Combine(_temp, "jobs", id, "job.json")), McpFlowJson.Options)!;
}
