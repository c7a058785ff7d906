using System.Text.Json;
using McpFlow.Core.Identity;
using McpFlow.Testing;
using McpFlow.Testing.Postgres;
using McpFlow.Testing.Team;
using McpFlow.Workbench.Tests.Fixtures;

namespace McpFlow.Workbench.Tests.Integration;

/// <summary>
/// Two McpFlow processes behind a load balancer, as two in-memory MCP servers over one team database and one shared
/// workspace folder: one review queue, one audit chain naming each user, and records that cannot be edited in the
/// database unnoticed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TeamTwoHostsTests(PostgresServer postgres) : TeamDatabaseTestBase(postgres)
{
    private static readonly Caller Ana = new("ana", UserRole.Analyst, MaySelfApprove: false);
    private static readonly Caller Bea = new("bea", UserRole.Approver, MaySelfApprove: false);
    private readonly string _root = TempFolder.Create("mcpflow-team");
    private TeamHost _a = null!;
    private TeamHost _b = null!;

    private string Workspace => Path.Combine(_root, "workspace");

    private string Data => Path.Combine(_root, "data");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(Data);
        // Both start together: their migrations contend for the lock on the empty database.
#pragma warning disable CA2000 // The hosts are fields, disposed in DisposeAsync.
        var started = await Task.WhenAll(
            TeamHost.StartAsync(Workspace, Data, ConnectionString, Ana, Time, [new WorkbenchToolGroup()]),
            TeamHost.StartAsync(Workspace, Data, ConnectionString, Bea, Time, [new WorkbenchToolGroup()]));
#pragma warning restore CA2000
        (_a, _b) = (started[0], started[1]);
    }

    public override async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await base.DisposeAsync();
        TempFolder.TryDelete(_root);
    }

    private async Task<string> RecordAsync(TeamHost host, string title)
    {
        var csv = Artifacts.Write(Path.Combine(Data, Guid.NewGuid().ToString("N")[..8]), "predictions.csv", "x,y_hat\n1,2.1\n2,3.9\n");
        var result = await host.CallOkAsync("workbench_record_run", new
        {
            title, output_files = new[] { csv }, summary = "RMSE 1.5 on the holdout.", metrics = new Dictionary<string, double> { ["rmse"] = 1.5 },
        });
        return result.Structured().GetProperty("runId").GetString()!;
    }

    private static List<JsonElement> Entries(ModelContextProtocol.Protocol.CallToolResult result) =>
        result.Structured().GetProperty("entries").EnumerateArray().ToList();

    private static string? Field(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public async Task AnAnalystRecordsThroughA_AnApproverDecidesThroughB_AndTheChainNamesEachUser()
    {
        var runId = await RecordAsync(_a, "Ridge alpha=1");

        (await _b.CallOkAsync("workbench_list_runs")).Text().Should().Contain(runId, "B serves the same review queue");
        var decided = await _b.CallOkAsync("workbench_decide", new { run_id = runId, decision = "approve", reviewer = "mallory" });
        decided.Structured().GetProperty("state").GetString().Should().Be("APPROVED");
        var card = await _a.CallOkAsync("workbench_run_card", new { run_id = runId });
        card.Structured().GetProperty("state").GetString().Should().Be("APPROVED", "A reads B's decision");

        var entries = Entries(await _a.CallOkAsync("workbench_audit", new { run_id = runId, limit = 100 }));
        // Expected sequence from the code paths: RunRecorder.Begin writes the manifest (begun), CompleteAsync writes it
        // (executed), the self-review writes review.json then the manifest (reviewed), the audit filter adds the call;
        // RunDecisions writes approval.json then the manifest (approved), then the decide call.
        entries.Select(e => (Field(e, "user"), Field(e, "kind"), Field(e, "record") ?? Field(e, "tool"))).Should().Equal(
            ("ana", "record", "manifest.json"), ("ana", "record", "manifest.json"), ("ana", "record", "review.json"), ("ana", "record", "manifest.json"),
            ("ana", "tool_call", "workbench_record_run"),
            ("bea", "record", "approval.json"), ("bea", "record", "manifest.json"), ("bea", "tool_call", "workbench_decide"));
        entries[5].GetProperty("decision").GetString().Should().Be("approve");
        var verified = await _b.CallOkAsync("workbench_audit", new { action = "verify" });
        verified.Structured().GetProperty("valid").GetBoolean().Should().BeTrue(verified.Text());
        verified.Text().Should().Be("Audit trail intact: 8 entries, every hash and link verified (the team database's mcpflow_audit table).");
    }

    [Fact]
    public async Task TheApproverIsTheCaller_AndAnAnalystCannotDecideThroughEitherHost()
    {
        var runId = await RecordAsync(_a, "Ridge alpha=1");

        var refused = await _a.CallAsync("workbench_decide", new { run_id = runId, decision = "approve" });
        refused.IsError.Should().BeTrue();
        refused.Text().Should().Contain("workbench_decide").And.Contain("approver");
        await _b.CallOkAsync("workbench_decide", new { run_id = runId, decision = "approve", reviewer = "mallory" });

        var card = await _a.CallOkAsync("workbench_run_card", new { run_id = runId });
        card.Text().Should().Contain("bea").And.NotContain("mallory");
        var refusals = Entries(await _b.CallOkAsync("workbench_audit", new { limit = 1000 })).Where(e => Field(e, "kind") == "refused").ToList();
        refusals.Should().ContainSingle().Which.GetProperty("user").GetString().Should().Be("ana");
    }

    [Fact]
    public async Task ConcurrentRecordingThroughBothHosts_KeepsOneUnbrokenChain()
    {
        const int PerHost = 4;
        var ids = await Task.WhenAll(Enumerable.Range(0, PerHost).SelectMany(i => new[]
        {
            RecordAsync(_a, $"A{i}"), RecordAsync(_b, $"B{i}"),
        }));

        var listed = await _b.CallOkAsync("workbench_list_runs", new { limit = 50 });
        foreach (var id in ids)
            listed.Text().Should().Contain(id);
        var verified = await _a.CallOkAsync("workbench_audit", new { action = "verify" });
        // Expected: 5 entries per recorded run (4 record writes and the call, as in the test above).
        verified.Text().Should().Be($"Audit trail intact: {5 * 2 * PerHost} entries, every hash and link verified (the team database's mcpflow_audit table).");
        var entries = Entries(await _a.CallOkAsync("workbench_audit", new { limit = 1000 }));
        entries.Count(e => Field(e, "user") == "ana").Should().Be(5 * PerHost);
        entries.Count(e => Field(e, "user") == "bea").Should().Be(5 * PerHost);
    }

    [Fact]
    public async Task ADecisionEditedInTheDatabase_IsReportedByTheOtherHost_AndBlocksTheGate()
    {
        var runId = await RecordAsync(_a, "Ridge alpha=1");
        await _b.CallOkAsync("workbench_decide", new { run_id = runId, decision = "reject", feedback = "use a temporal split" });
        await TamperAsync("UPDATE mcpflow_run_records SET body = convert_to(replace(convert_from(body, 'UTF8'), '\"REJECTED\"', '\"APPROVED\"'), 'UTF8') " +
            $"WHERE run_id = '{runId}' AND record = 'manifest.json'");

        var card = await _a.CallAsync("workbench_run_card", new { run_id = runId });

        card.IsError.Should().BeTrue();
        card.Text().Should().Contain($"Run {runId} cannot be trusted: manifest.json: its SHA-256 ").And.Contain("so it was edited outside McpFlow");
    }

    [Fact]
    public async Task AnAuditRowEditedInTheDatabase_IsReportedByVerify()
    {
        await RecordAsync(_a, "Ridge alpha=1");
        await TamperAsync("UPDATE mcpflow_audit SET entry = replace(entry, '\"user\":\"ana\"', '\"user\":\"bea\"') WHERE seq = 1");

        var verified = await _b.CallOkAsync("workbench_audit", new { action = "verify" });

        verified.Structured().GetProperty("valid").GetBoolean().Should().BeFalse();
        verified.Text().Should().StartWith("Audit trail BROKEN at entry 1: entry 1 was modified after it was written");
    }
}
