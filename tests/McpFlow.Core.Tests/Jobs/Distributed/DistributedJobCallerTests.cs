using System.Text.Json.Nodes;
using McpFlow.Core.Configuration;
using McpFlow.Core.Identity;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Tests.TestDoubles;
using McpFlow.Core.Workspace;
using McpFlow.Testing;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Core.Tests.Jobs.Distributed;

/// <summary>
/// A distributed job runs on the worker as the user who started it (<see cref="JobRecord.StartedBy"/>), so what it
/// records names that user, not the worker's <c>local</c>; a record without one (older servers) runs as the worker did.
/// </summary>
public sealed class DistributedJobCallerTests : IDisposable
{
    private const string JobId = "job-20261203-120000-c0ffee";
    private const string Kind = "whoami";
    private readonly string _temp = TempFolder.Create("distributed-caller");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryJobEngine _engine = new();

    public void Dispose() => TempFolder.TryDelete(_temp);

    [Fact]
    public async Task TheHandlerRunsAsTheUserWhoStartedTheJob()
    {
        var handler = new WhoAmIHandler();
        Enqueue(startedBy: "ana", UserRole.Analyst);

        await Executor(handler).ExecuteAsync(JobId, Kind, "{}", CancellationToken.None);

        // The record said ana, analyst; she may never approve her own runs through a job.
        handler.Seen.Should().Be(new Caller("ana", UserRole.Analyst, MaySelfApprove: false));
        CallerScope.Current.IsLocal.Should().BeTrue("the scope ends with the job");
    }

    [Fact]
    public async Task AJobWithoutItsStarter_RunsAsTheLocalUser()
    {
        var handler = new WhoAmIHandler();
        Enqueue(startedBy: null, role: null);

        await Executor(handler).ExecuteAsync(JobId, Kind, "{}", CancellationToken.None);

        handler.Seen!.IsLocal.Should().BeTrue();
    }

    [Fact]
    public async Task AServerEnqueuesTheCurrentCallerWithTheJob()
    {
        var options = new McpFlowOptions { WorkspacePath = Path.Combine(_temp, "ws") };
        var kinds = new DistributedJobKinds([new(Kind, "q", typeof(WhoAmIHandler))]);
        await using var jobs = new JobManager(new McpFlowWorkspace(options), options, _time, engine: _engine, kinds: kinds);
        using (CallerScope.Enter(new Caller("ben", UserRole.Approver, MaySelfApprove: false)))
            jobs.StartDistributable(Kind, "t", new JsonObject(), _ => Task.FromResult(new JobResult("local")));

        var (record, _, _) = _engine.Enqueued.Single();
        record.StartedBy.Should().Be("ben");
        record.StartedByRole.Should().Be(UserRole.Approver);
    }

    private void Enqueue(string? startedBy, UserRole? role) =>
        _engine.Enqueue(new JobRecord { Id = JobId, Kind = Kind, Title = "t", State = JobState.Queued, CreatedAt = _time.GetUtcNow(), StartedBy = startedBy, StartedByRole = role },
            new DistributedJobKind(Kind, "q", typeof(WhoAmIHandler)), new JsonObject());

    private DistributedJobExecutor Executor(IDistributedJobHandler handler)
    {
        var options = new McpFlowOptions { WorkspacePath = Path.Combine(_temp, "ws") };
        return new(_engine, new DistributedJobKinds([new(Kind, "q", typeof(WhoAmIHandler))]), [handler], new McpFlowWorkspace(options), options, _time);
    }

    private sealed class WhoAmIHandler : IDistributedJobHandler
    {
        public Caller? Seen { get; private set; }

        public Task<JobResult> RunAsync(JsonNode parameters, JobContext context)
        {
            Seen = CallerScope.Current;
            return Task.FromResult(new JobResult("seen"));
        }
    }
}
