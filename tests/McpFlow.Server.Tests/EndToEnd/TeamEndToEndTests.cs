using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.EndToEnd;

/// <summary>
/// The team mode as a team starts it: the real server process over HTTP with two users given in <c>MCPFLOW_USERS</c>
/// (an analyst and an approver, by token hash). The analyst records a run, the approver approves it, the trail
/// verifies, and every entry names the user who caused it.
/// </summary>
public sealed class TeamEndToEndTests : IAsyncLifetime
{
    private const string AnaToken = "e2e-team-ana-4b1d";
    private const string BeaToken = "e2e-team-bea-92c7";

    private readonly string _temp = TempFolder.Create("team-e2e");
    private HttpServer _server = null!;

    private static string? Field(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // The hash `mcpflow --new-token` prints: SHA-256 of the token's UTF-8 bytes, lower-case hex.
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task InitializeAsync() =>
        _server = await HttpServer.StartAsync(["--workspace", Path.Combine(_temp, "ws"), "--allow-root", _temp],
            environment: new Dictionary<string, string> { ["MCPFLOW_USERS"] = $"ana:analyst:{Hash(AnaToken)};bea:approver:{Hash(BeaToken)}" });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        TempFolder.TryDelete(_temp);
    }

    [Fact]
    public async Task AnalystRecords_ApproverApproves_TheTrailVerifies_AndEveryEntryNamesItsUser()
    {
        var csv = Path.Combine(_temp, "pairs.csv");
        await File.WriteAllTextAsync(csv, "x,y\n" + string.Join("\n", Enumerable.Range(1, 10).Select(i => $"{i},{2 * i}")) + "\n");

        string runId;
        await using (var ana = await _server.ConnectAsync(AnaToken))
        {
            var profile = await ana.Client.CallToolAsync("analyze_dataframe", new Dictionary<string, object?> { ["path"] = csv });
            profile.IsError.Should().NotBe(true, profile.Text());
            runId = profile.Structured().GetProperty("workbenchRun").GetProperty("runId").GetString()!;
            var own = await ana.Client.CallToolAsync("workbench_decide", new Dictionary<string, object?> { ["run_id"] = runId, ["decision"] = "approve" });
            own.Text().Should().Contain("User 'ana' has the role analyst; workbench_decide needs the role approver.");
        }

        await using var bea = await _server.ConnectAsync(BeaToken);
        var approved = await bea.Client.CallToolAsync("workbench_decide", new Dictionary<string, object?> { ["run_id"] = runId, ["decision"] = "approve", ["reviewer"] = "ana" });
        approved.IsError.Should().NotBe(true, approved.Text());
        var verify = await bea.Client.CallToolAsync("workbench_audit", new Dictionary<string, object?> { ["action"] = "verify" });
        verify.Text().Should().StartWith("Audit trail intact");

        var entries = File.ReadAllLines(Path.Combine(_temp, "ws", "audit", "audit.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        entries.Select(e => (Field(e, "user"), Field(e, "kind"), Field(e, "tool") ?? Field(e, "record"))).Should().Contain(
        [
            ("ana", "tool_call", "analyze_dataframe"), ("ana", "refused", "workbench_decide"), ("bea", "tool_call", "workbench_decide"),
        ]);
        entries.Should().OnlyContain(e => Field(e, "user") == "ana" || Field(e, "user") == "bea", "no entry is the local user's: both users came from MCPFLOW_USERS");
        entries.Where(e => Field(e, "kind") == "record" && Field(e, "record") == "approval.json").Select(e => Field(e, "user")).Should().Equal("bea");
        var approval = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_temp, "ws", "runs", runId, "approval.json"))).RootElement;
        approval.GetProperty("reviewer").GetString().Should().Be("bea", "the authenticated approver decides, not the reviewer argument");
        _server.Log.Should().NotContain(AnaToken).And.NotContain(BeaToken);
    }
}
