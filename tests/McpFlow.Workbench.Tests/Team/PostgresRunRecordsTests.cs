using System.Security.Cryptography;
using McpFlow.Core.Errors;
using McpFlow.Core.Identity;
using McpFlow.Core.Runs;
using McpFlow.Core.Workspace;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using McpFlow.Workbench.Hashing;
using McpFlow.Workbench.Records;
using McpFlow.Workbench.Review;
using McpFlow.Workbench.Runs;
using McpFlow.Workbench.Team;
using McpFlow.Workbench.Tests.Fixtures;
using Npgsql;

namespace McpFlow.Workbench.Tests.Team;

/// <summary>Run records in the team database: read back only when they match their audited hash, archived on a
/// re-execution, with the outputs in the shared folder.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRunRecordsTests(PostgresServer postgres) : TeamDatabaseTestBase(postgres)
{
    private static readonly Caller Bea = new("bea", UserRole.Approver, MaySelfApprove: false);
    private static readonly Caller Cy = new("cy", UserRole.Approver, MaySelfApprove: false);
    private readonly string _root = TempFolder.Create("mcpflow-team");

    private (RunStore Store, RunRecorder Recorder, RunDecisions Decisions) Open()
    {
        var database = Process();
        var workspace = new McpFlowWorkspace(Path.Combine(_root, "workspace"));
        var store = new RunStore(workspace, new PostgresRunRecords(database), new PostgresAuditChain(database, Time), new ContentHasher(), Time);
        return (store, new RunRecorder(store, new SelfReviewer()), new RunDecisions(store));
    }

    private static async Task<RecordedRun> RecordAsync(RunRecorder recorder)
    {
        var scope = recorder.Begin(new RunStart("test_tool", "training", "Ridge alpha=1", null, [], "sweep"));
        var output = Artifacts.Write(scope.Folder, "predictions.csv", "x,y_hat\n1,2.1\n2,3.9\n");
        return await recorder.CompleteAsync(scope, new RunOutcome([output], new Dictionary<string, double> { ["rmse"] = 1.5 }, "RMSE 1.5 on the holdout.", null, null),
            CancellationToken.None);
    }

    [Fact]
    public async Task ARunRecordedByOneProcess_IsReadByAnother_WithItsOutputsInTheSharedFolder()
    {
        var run = await RecordAsync(Open().Recorder);

        var other = Open().Store;
        other.Ids().Should().Equal(run.RunId);
        var loaded = other.Load(run.RunId);
        loaded.State.Should().Be(RunState.Reviewed);
        loaded.Review!.Attempt.Should().Be(1);
        File.Exists(Path.Combine(_root, "workspace", "runs", run.RunId, "outputs", "predictions.csv")).Should().BeTrue();
        File.Exists(Path.Combine(_root, "workspace", "runs", run.RunId, RunStore.ManifestFile)).Should().BeFalse("records live in the database");
        // Expected: the stored manifest's SHA-256, computed here, is the hash the chain audited last for it.
        (await ScalarAsync($"SELECT record_hash FROM mcpflow_audit WHERE run_id = '{run.RunId}' AND record = 'manifest.json' ORDER BY seq DESC LIMIT 1"))
            .Should().Be(Sha256(await BodyAsync(run.RunId)));
    }

    [Fact]
    public async Task ARecordEditedInTheDatabase_IsReported_NotTrusted()
    {
        var run = await RecordAsync(Open().Recorder);
        var audited = Sha256(await BodyAsync(run.RunId));
        await TamperAsync("UPDATE mcpflow_run_records SET body = convert_to(replace(convert_from(body, 'UTF8'), '\"REVIEWED\"', '\"APPROVED\"'), 'UTF8') " +
            $"WHERE run_id = '{run.RunId}' AND record = 'manifest.json'");

        var load = () => Open().Store.Load(run.RunId);

        // Expected hashes computed here over the stored bytes before and after the edit.
        var edited = Sha256(await BodyAsync(run.RunId));
        var error = load.Should().Throw<McpFlowException>().Which;
        error.Kind.Should().Be(ErrorKind.Conflict);
        error.Message.Should().Be($"Run {run.RunId} cannot be trusted: manifest.json: its SHA-256 {edited[..12]}… differs from the one the audit trail " +
            $"recorded ({audited[..12]}…), so it was edited outside McpFlow.");
    }

    [Fact]
    public async Task ARecordWhoseAuditEntryFails_IsNotWritten_SoTheRunStaysTrusted()
    {
        var (store, recorder, decisions) = Open();
        var run = await RecordAsync(recorder);
        var before = await BodyAsync(run.RunId);
        // A row squatting on the chain's next seq makes the next append fail (primary key), as a dropped connection or
        // a failed insert would between the record's write and its audit entry.
        await TamperAsync("INSERT INTO mcpflow_audit (seq, entry, hash) SELECT seq + 1, '{}', 'x' FROM mcpflow_audit_head");

        var decide = () =>
        {
            using var scope = CallerScope.Enter(Bea);
            return decisions.Decide(run.RunId, Decision.Approve, null, null, "bea", "tool");
        };

        decide.Should().Throw<PostgresException>().Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        (await BodyAsync(run.RunId)).Should().Equal(before, "the manifest's write rolled back with its audit entry");
        await TamperAsync("DELETE FROM mcpflow_audit WHERE entry = '{}'");
        var reloaded = Open().Store.Load(run.RunId);
        reloaded.State.Should().Be(RunState.Reviewed, "without the write-and-audit transaction the new bytes would stay unaudited and the run untrusted");
        decide().State.Should().Be(RunState.Approved);
        store.Load(run.RunId).State.Should().Be(RunState.Approved);
        new PostgresAuditChain(Process(), Time).Verify().Valid.Should().BeTrue();
    }

    [Fact]
    public async Task LoadEach_ReadsAPageAtOnce_AndGivesTheSameRunsAndProblemsAsLoad()
    {
        var recorder = Open().Recorder;
        var runs = new List<RecordedRun>();
        for (var i = 0; i < 3; i++)
            runs.Add(await RecordAsync(recorder));
        Open().Decisions.Decide(runs[0].RunId, Decision.Reject, null, "use a temporal split", "ana", "tool");
        await TamperAsync("UPDATE mcpflow_run_records SET body = convert_to(replace(convert_from(body, 'UTF8'), '\"REVIEWED\"', '\"APPROVED\"'), 'UTF8') " +
            $"WHERE run_id = '{runs[1].RunId}' AND record = 'manifest.json'");
        var store = Open().Store;

        var reads = store.LoadEach(store.Ids()).ToList();

        // Expected: what Load gives run by run (the reference path, one run at a time).
        reads.Select(r => r.RunId).Should().Equal(store.Ids());
        foreach (var read in reads)
        {
            var single = () => store.Load(read.RunId);
            if (read.RunId == runs[1].RunId)
            {
                read.Run.Should().BeNull();
                read.Problem!.Message.Should().Be(single.Should().Throw<McpFlowException>().Which.Message);
                continue;
            }

            var expected = single();
            read.Run!.State.Should().Be(expected.State);
            read.Run.Manifest.Should().BeEquivalentTo(expected.Manifest);
            read.Run.Review.Should().BeEquivalentTo(expected.Review);
            read.Run.Approval.Should().BeEquivalentTo(expected.Approval);
        }

        reads.Single(r => r.RunId == runs[0].RunId).Run!.State.Should().Be(RunState.Rejected);
        reads.Single(r => r.RunId == runs[2].RunId).Run!.Approval.Should().BeNull();
    }

    [Fact]
    public async Task LoadEach_OnABrokenChain_ReportsEveryRun_InsteadOfFailingTheListing()
    {
        var recorder = Open().Recorder;
        var first = await RecordAsync(recorder);
        var second = await RecordAsync(recorder);
        await TamperAsync("UPDATE mcpflow_audit_head SET broken = 'entry 1 was edited (test)'");
        var store = Open().Store;

        var reads = store.LoadEach(store.Ids()).ToList();

        reads.Select(r => r.RunId).Should().BeEquivalentTo([first.RunId, second.RunId]);
        reads.Should().OnlyContain(r => r.Run == null && r.Problem!.Message.StartsWith("The team audit chain is broken (entry 1 was edited (test))", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReExecution_ArchivesTheManifestAndMovesTheReview()
    {
        var (store, recorder, decisions) = Open();
        var run = await RecordAsync(recorder);
        decisions.Decide(run.RunId, Decision.Reject, null, "use a temporal split", "ana", "tool");

        recorder.BeginRerun(run.RunId, new RunStart("test_tool", "training", "Ridge alpha=1, temporal split", null, [], "sweep"));

        (await ScalarAsync($"SELECT string_agg(record, ',' ORDER BY record) FROM mcpflow_run_records WHERE run_id = '{run.RunId}'"))
            .Should().Be("approval.json,attempts/1/manifest.json,attempts/1/review.json,manifest.json");
        var rerun = store.Load(run.RunId);
        rerun.Manifest.Attempt.Should().Be(2);
        rerun.Manifest.AddressesFeedback.Should().Be("use a temporal split");
        rerun.Review.Should().BeNull();
        Directory.Exists(Path.Combine(_root, "workspace", "runs", run.RunId, "attempts", "1", "outputs")).Should().BeTrue("outputs stay in the shared folder");
    }

    [Fact]
    public async Task TwoApproversDecidingAtOnceThroughTwoProcesses_OnlyOneDecides_TheOtherSeesThatDecision()
    {
        var run = await RecordAsync(Open().Recorder);
        var (a, b) = (Open().Decisions, Open().Decisions);
        // The test holds the run's lock until both decisions wait for it, so they really contend.
        await using var holder = new NpgsqlConnection(ConnectionString);
        await holder.OpenAsync();
        var key = $"{PostgresRunRecords.RunLockSpace}, hashtext('{run.RunId}')";
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({key})", holder))
            await take.ExecuteNonQueryAsync();
        var approve = Task.Run(() =>
        {
            using var scope = CallerScope.Enter(Bea);
            return a.Decide(run.RunId, Decision.Approve, null, null, "bea", "tool");
        });
        var reject = Task.Run(() =>
        {
            using var scope = CallerScope.Enter(Cy);
            return b.Decide(run.RunId, Decision.Reject, null, "use a temporal split", "cy", "tool");
        });
        await WaitForLockWaitersAsync(2);
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", holder))
            await release.ExecuteNonQueryAsync();
        var settled = await Task.WhenAll(Settle(approve), Settle(reject));

        settled.Should().ContainSingle(s => s.Error == null, "the second decision reads the first one's and is refused");
        var winner = settled.Single(s => s.Error == null).Run!;
        var loser = settled.Single(s => s.Error != null).Error!;
        loser.Kind.Should().Be(ErrorKind.Conflict);
        var other = winner.State == RunState.Approved ? RunState.Rejected : RunState.Approved;
        loser.Message.Should().Be($"Run {run.RunId} is {winner.State.Name()}; it cannot become {other.Name()}.");
        var final = Open().Store.Load(run.RunId);
        final.State.Should().Be(winner.State);
        final.Approval!.Earlier.Should().BeEmpty("only one decision was written");
        new PostgresAuditChain(Process(), Time).Verify().Valid.Should().BeTrue();
    }

    private static async Task<(RunSnapshot? Run, McpFlowException? Error)> Settle(Task<RunSnapshot> decision)
    {
        try
        {
            return (await decision, null);
        }
        catch (McpFlowException ex)
        {
            return (null, ex);
        }
    }

    private async Task<byte[]> BodyAsync(string runId) =>
        (byte[])(await ScalarAsync($"SELECT body FROM mcpflow_run_records WHERE run_id = '{runId}' AND record = 'manifest.json'"))!;

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TempFolder.TryDelete(_root);
    }
}
