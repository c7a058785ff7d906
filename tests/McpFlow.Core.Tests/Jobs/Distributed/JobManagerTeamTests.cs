using System.Text.Json.Nodes;
using McpFlow.Core.Configuration;
using McpFlow.Core.Errors;
using McpFlow.Core.Jobs;
using McpFlow.Core.Jobs.Distributed;
using McpFlow.Core.Tests.TestDoubles;
using McpFlow.Core.Workspace;
using McpFlow.Testing;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Core.Tests.Jobs.Distributed;

/// <summary>
/// The job manager with and without a job engine: single-user mode runs every job here as before; team mode sends
/// registered kinds to the engine and reads them back from it, and only well-formed job ids ever reach the engine.
/// </summary>
public sealed class JobManagerTeamTests : IDisposable
{
    private static readonly DistributedJobKind Training = new("pinn_training", "physics", typeof(NoHandler));
    private readonly string _temp = TempFolder.Create("team-jobs");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryJobEngine _engine = new();
    private readonly McpFlowOptions _options;

    public JobManagerTeamTests() => _options = new McpFlowOptions { WorkspacePath = _temp };

    public void Dispose() => TempFolder.TryDelete(_temp);

    [Fact]
    public async Task StartDistributable_RunsHere_InSingleUserMode()
    {
        await using var jobs = new JobManager(new McpFlowWorkspace(_options), _options, _time, kinds: new DistributedJobKinds([Training]));

        var handle = jobs.StartDistributable("pinn_training", "t", new JsonObject { ["n"] = 1 }, _ => Task.FromResult(new JobResult("local")));
        await handle.Completion;

        jobs.RunsHere(handle.Id).Should().BeTrue();
        jobs.Get(handle.Id).RunsOn.Should().BeNull("single-user records are unchanged");
        jobs.GetResult(handle.Id)!.Summary.Should().Be("local");
    }

    [Fact]
    public async Task List_ReadsOnlyAsManyEngineRecordsAsItShows_UnlessItFiltersByState()
    {
        await using var jobs = TeamManager();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(jobs.StartDistributable("pinn_training", $"t{i}", new JsonObject { ["n"] = i }, _ => Task.FromResult(new JobResult("local"))).Id);
            _time.Advance(TimeSpan.FromSeconds(1)); // ids and creation times in order
        }

        _engine.Lookups.Clear();
        jobs.List(limit: 2).Select(r => r.Id).Should().Equal(ids[4], ids[3]);
        _engine.Lookups.Should().HaveCount(2, "without a state filter the newest two records are all the listing can show");

        _engine.Lookups.Clear();
        jobs.List(JobState.Queued, limit: 2).Select(r => r.Id).Should().Equal(ids[4], ids[3]);
        _engine.Lookups.Should().HaveCount(5, "with a filter the engine's newest records are searched (up to 200)");
    }

    [Fact]
    public async Task StartDistributable_EnqueuesARegisteredKind_AndReadsItBackFromTheEngine()
    {
        await using var jobs = TeamManager();
        var ran = false;

        var handle = jobs.StartDistributable("pinn_training", "t", new JsonObject { ["n"] = 1 }, _ =>
        {
            ran = true;
            return Task.FromResult(new JobResult("local"));
        });

        ran.Should().BeFalse("a worker runs it");
        jobs.RunsHere(handle.Id).Should().BeFalse();
        var (record, kind, parameters) = _engine.Enqueued.Single();
        (record.Id, kind.Queue, parameters["n"]!.GetValue<int>()).Should().Be((handle.Id, "physics", 1));
        jobs.Get(handle.Id).RunsOn.Should().Be("queue 'physics' (waiting for a worker)");
        jobs.List().Select(r => r.Id).Should().Equal(handle.Id);

        _engine.SaveResult(handle.Id, new JobResult("from the worker"));
        _engine.Save(record with { State = JobState.Succeeded });
        jobs.Get(handle.Id).State.Should().Be(JobState.Succeeded);
        jobs.GetResult(handle.Id)!.Summary.Should().Be("from the worker");
    }

    [Fact]
    public async Task Cancel_GoesToTheEngine_ForADistributedJob()
    {
        await using var jobs = TeamManager();
        var handle = jobs.StartDistributable("pinn_training", "t", new JsonObject(), _ => Task.FromResult(new JobResult("local")));

        jobs.Cancel(handle.Id).State.Should().Be(JobState.Cancelled);

        _engine.Cancelled.Should().Equal(handle.Id);
        FluentActions.Invoking(() => jobs.Cancel(handle.Id)).Should().Throw<McpFlowException>().WithMessage("*already finished*");
    }

    [Fact]
    public async Task AKindThatIsNotDistributable_RunsHere_InTeamMode_AndSaysSo()
    {
        await using var jobs = TeamManager();

        var handle = jobs.StartDistributable("data_load", "t", new JsonObject(), _ => Task.FromResult(new JobResult("local")));
        await handle.Completion;

        _engine.Enqueued.Should().BeEmpty();
        jobs.Get(handle.Id).RunsOn.Should().Be($"this server (pid {Environment.ProcessId}): jobs of kind 'data_load' run where they are started");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("job-1' OR '1'='1")]
    [InlineData("mcpflow:jobs")]
    public async Task AMalformedId_NeverReachesTheEngine(string id)
    {
        await using var jobs = TeamManager();

        FluentActions.Invoking(() => jobs.Get(id)).Should().Throw<McpFlowException>();
        jobs.TryGetHandle(id).Should().BeNull();
        jobs.IsRunningElsewhere(id).Should().BeFalse();

        _engine.Lookups.Should().BeEmpty();
    }

    private JobManager TeamManager() => new(new McpFlowWorkspace(_options), _options, _time, engine: _engine, kinds: new DistributedJobKinds([Training]));

    private sealed class NoHandler : IDistributedJobHandler
    {
        public Task<JobResult> RunAsync(JsonNode parameters, JobContext context) => throw new NotSupportedException();
    }
}
