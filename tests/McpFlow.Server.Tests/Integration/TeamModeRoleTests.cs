using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;
using ModelContextProtocol.Client;

namespace McpFlow.Server.Tests.Integration;

/// <summary>HTTP team mode with hashed user tokens: what each role may call, tools/list per role, self-approval, the
/// shared token as the local user, and users named in runs and the audit trail.</summary>
public sealed class TeamModeRoleTests : IAsyncLifetime
{
    private const string Shared = "shared-token-5d1e";
    private static readonly (string Name, string Role, string Token)[] Users =
    [
        ("vic", "viewer", "vic-token-0b6c"), ("ana", "analyst", "ana-token-91fe"), ("bea", "approver", "bea-token-3a77"), ("cal", "approver", "cal-token-c402"),
    ];

    private TeamServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TeamServer.StartAsync((http, _) => http.Users = Users.Select(u => new HttpUser
        {
            // The configured hash is the SHA-256 of the token's UTF-8 bytes in lower-case hex (what `mcpflow --new-token` prints).
            Name = u.Name, Role = u.Role, TokenSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(u.Token))),
        }).ToList(), sharedToken: Shared);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string TokenOf(string user) => Users.Single(u => u.Name == user).Token;

    private async Task<string> WriteCsvAsync()
    {
        var csv = Path.Combine(_server.Temp, "pairs.csv");
        await File.WriteAllTextAsync(csv, "x,y\n" + string.Join("\n", Enumerable.Range(1, 10).Select(i => $"{i},{2 * i}")) + "\n");
        return csv;
    }

    private async Task<string> RecordRunAsAsync(string user)
    {
        await using var client = await _server.ConnectAsync(TokenOf(user));
        var profile = await client.Client.CallToolAsync("analyze_dataframe", new Dictionary<string, object?> { ["path"] = await WriteCsvAsync() });
        profile.IsError.Should().NotBe(true, profile.Text());
        return profile.Structured().GetProperty("workbenchRun").GetProperty("runId").GetString()!;
    }

    private static Task<ModelContextProtocol.Protocol.CallToolResult> DecideAsync(McpClient client, string runId, string reviewer = "someone") =>
        client.CallToolAsync("workbench_decide", new Dictionary<string, object?> { ["run_id"] = runId, ["decision"] = "approve", ["reviewer"] = reviewer }).AsTask();

    [Fact]
    public async Task Viewer_CallsReadOnlyTools_IsRefusedTheOthers_AndSeesOnlyReadOnlyTools()
    {
        await using var vic = await _server.ConnectAsync(TokenOf("vic"));

        var info = await vic.Client.CallToolAsync("server_info", new Dictionary<string, object?> { ["probe_engines"] = false });
        info.IsError.Should().NotBe(true, info.Text());
        var load = await vic.Client.CallToolAsync("data_load", new Dictionary<string, object?> { ["path"] = await WriteCsvAsync() });
        load.IsError.Should().BeTrue();
        load.Text().Should().Contain("User 'vic' has the role viewer; data_load needs the role analyst.");

        var tools = await vic.Client.ListToolsAsync();
        tools.Should().NotBeEmpty().And.OnlyContain(t => t.ProtocolTool.Annotations!.ReadOnlyHint == true);
        tools.Select(t => t.Name).Should().Contain("data_query").And.NotContain("data_load");
    }

    [Fact]
    public async Task Analyst_RecordsRuns_ButCannotDecide_NorSeeTheDecisionTools()
    {
        var runId = await RecordRunAsAsync("ana");
        await using var ana = await _server.ConnectAsync(TokenOf("ana"));

        var decided = await DecideAsync(ana.Client, runId);
        decided.IsError.Should().BeTrue();
        decided.Text().Should().Contain("User 'ana' has the role analyst; workbench_decide needs the role approver.");
        var names = (await ana.Client.ListToolsAsync()).Select(t => t.Name).ToList();
        names.Should().Contain(["data_load", "analyze_dataframe", "pipeline_train"]);
        names.Should().NotContain(["workbench_decide", "workbench_request_approval", "mlflow_set_model_alias"]);
    }

    [Fact]
    public async Task Approver_CannotApproveTheirOwnRun_AnotherApproverCan_AndTheAuditNamesEachUser()
    {
        var ownRun = await RecordRunAsAsync("bea");
        await using var bea = await _server.ConnectAsync(TokenOf("bea"));
        var own = await DecideAsync(bea.Client, ownRun);
        own.IsError.Should().BeTrue();
        own.Text().Should().Contain($"User 'bea' recorded run {ownRun}, so another approver must approve it.");

        var anasRun = await RecordRunAsAsync("ana");
        var approved = await DecideAsync(bea.Client, anasRun, reviewer: "mallory");
        approved.IsError.Should().NotBe(true, approved.Text());
        approved.Text().Should().Contain("APPROVED");

        var runs = Path.Combine(_server.Workspace, "runs");
        Json(Path.Combine(runs, anasRun, "manifest.json")).GetProperty("recordedBy").GetString().Should().Be("ana");
        Json(Path.Combine(runs, anasRun, "approval.json")).GetProperty("reviewer").GetString().Should().Be("bea", "the caller decides, not the reviewer argument");
        var entries = File.ReadAllLines(Path.Combine(_server.Workspace, "audit", "audit.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        entries.Should().OnlyContain(e => e.GetProperty("schemaVersion").GetInt32() == 3 && e.GetProperty("user").ValueKind == JsonValueKind.String);
        ToolCalls(entries, "analyze_dataframe").Should().Equal("bea", "ana");
        ToolCalls(entries, "workbench_decide").Should().Equal("bea", "bea");
        await using var cal = await _server.ConnectAsync(TokenOf("cal"));
        var verify = await cal.Client.CallToolAsync("workbench_audit", new Dictionary<string, object?> { ["action"] = "verify" });
        verify.Text().Should().Contain("intact");
    }

    [Fact]
    public async Task TheSharedToken_IsTheLocalUser_WithEveryRole_AndMayApproveItsOwnRun()
    {
        await using var local = await _server.ConnectAsync(Shared);
        var profile = await local.Client.CallToolAsync("analyze_dataframe", new Dictionary<string, object?> { ["path"] = await WriteCsvAsync() });
        var runId = profile.Structured().GetProperty("workbenchRun").GetProperty("runId").GetString()!;

        var approved = await DecideAsync(local.Client, runId, reviewer: "ana");
        approved.IsError.Should().NotBe(true, approved.Text());
        Json(Path.Combine(_server.Workspace, "runs", runId, "approval.json")).GetProperty("reviewer").GetString().Should().Be("ana", "the local user names the reviewer, as before");
        var entries = File.ReadAllLines(Path.Combine(_server.Workspace, "audit", "audit.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        ToolCalls(entries, "workbench_decide").Should().Equal("local");
        (await local.Client.ListToolsAsync()).Select(t => t.Name).Should().Contain("workbench_decide");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")] // a hash is not a token
    public async Task ARequest_WithoutAKnownToken_Gets401(string? token)
    {
        using var response = await _server.PostInitializeAsync(token);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be("Missing or wrong bearer token (Authorization: Bearer <token>).");
    }

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    private static List<string> ToolCalls(List<JsonElement> entries, string tool) =>
        entries.Where(e => e.GetProperty("kind").GetString() == "tool_call" && e.GetProperty("tool").GetString() == tool)
            .Select(e => e.GetProperty("user").GetString()!).ToList();
}
