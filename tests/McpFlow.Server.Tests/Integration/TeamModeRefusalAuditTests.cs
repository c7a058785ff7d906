using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpFlow.Core.Configuration;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Integration;

/// <summary>Refused requests in the audit trail: a call beyond the role, a request over the rate limit, a JWT refused for
/// a user the issuer vouches for; a bounded number per user per minute, then one summary; never the arguments or the
/// token; and the chain still verifies.</summary>
public sealed class TeamModeRefusalAuditTests
{
    private static HttpUser User(string name, string role, string token) =>
        // The configured hash is the SHA-256 of the token's UTF-8 bytes in lower-case hex (what `mcpflow --new-token` prints).
        new() { Name = name, Role = role, TokenSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))) };

    private static List<JsonElement> Entries(TeamServer server) =>
        File.ReadAllLines(Path.Combine(server.Workspace, "audit", "audit.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [Fact]
    public async Task ACallBeyondTheRole_IsAudited_WithUserToolAndReason_ButNotItsArguments_AndTheChainVerifies()
    {
        await using var server = await TeamServer.StartAsync((http, _) => http.Users = [User("vic", "viewer", "vic-token-1"), User("bea", "approver", "bea-token-1")]);
        await using var vic = await server.ConnectAsync("vic-token-1");

        var load = await vic.Client.CallToolAsync("data_load", new Dictionary<string, object?> { ["path"] = "/srv/secret-plans-7731.csv" });
        load.IsError.Should().BeTrue();
        var decide = await vic.Client.CallToolAsync("workbench_decide", new Dictionary<string, object?> { ["run_id"] = "run-20261203-080000-ab12cd", ["decision"] = "approve" });
        decide.IsError.Should().BeTrue();

        var refused = Entries(server).Where(e => Text(e, "kind") == "refused").ToList();
        refused.Select(e => (Text(e, "user"), Text(e, "tool"), Text(e, "outcome"))).Should().Equal(
            ("vic", "data_load", "refused: role viewer; data_load needs the role analyst"),
            ("vic", "workbench_decide", "refused: role viewer; workbench_decide needs the role approver"));
        File.ReadAllText(Path.Combine(server.Workspace, "audit", "audit.jsonl")).Should().NotContain("secret-plans-7731").And.NotContain("vic-token-1");
        await using var bea = await server.ConnectAsync("bea-token-1");
        var verify = await bea.Client.CallToolAsync("workbench_audit", new Dictionary<string, object?> { ["action"] = "verify" });
        verify.Text().Should().Contain("Audit trail intact");
        var query = await bea.Client.CallToolAsync("workbench_audit", new Dictionary<string, object?> { ["tool"] = "data_load" });
        query.Text().Should().Contain("vic refused data_load");
    }

    [Fact]
    public async Task AFloodOfRefusedCalls_IsWrittenOneByOneUpToTheBound_ThenSummarisedOnce_PerUser()
    {
        await using var server = await TeamServer.StartAsync((http, _) =>
        {
            http.Users = [User("vic", "viewer", "vic-token-2"), User("wes", "viewer", "wes-token-2")];
            http.RateLimit = new HttpRateLimit { PermitsPerWindow = 0 }; // the flood is refused by role, not by the limiter
        });
        await using var vic = await server.ConnectAsync("vic-token-2");
        await using var wes = await server.ConnectAsync("wes-token-2");

        // 25 refusals in one minute of the fake clock: 20 (RefusalAudit.EntriesPerWindow) written, 5 counted.
        for (var i = 0; i < 25; i++)
            (await vic.Client.CallToolAsync("data_load", new Dictionary<string, object?> { ["path"] = $"/x/{i}.csv" })).IsError.Should().BeTrue();
        (await wes.Client.CallToolAsync("pipeline_train", new Dictionary<string, object?>())).IsError.Should().BeTrue();
        Entries(server).Count(e => Text(e, "kind") == "refused" && Text(e, "user") == "vic").Should().Be(20);
        Entries(server).Count(e => Text(e, "kind") == "refused" && Text(e, "user") == "wes").Should().Be(1, "another user's refusals have their own bound");

        server.Time.Advance(TimeSpan.FromSeconds(61)); // vic's window (60 s from the first refusal) is over
        (await vic.Client.CallToolAsync("data_load", new Dictionary<string, object?> { ["path"] = "/x/late.csv" })).IsError.Should().BeTrue();

        var vics = Entries(server).Where(e => Text(e, "user") == "vic" && Text(e, "kind") is "refused" or "refused_summary").ToList();
        vics.Should().HaveCount(22);
        Text(vics[20], "kind").Should().Be("refused_summary");
        Text(vics[20], "outcome").Should().StartWith("refused: 5 more refused request(s) from ").And.EndWith("not written one by one (over 20 in 60 s); tools: data_load");
        Text(vics[21], "kind").Should().Be("refused");
    }

    [Fact]
    public async Task ARequestOverTheRateLimit_IsAudited_ForItsUser()
    {
        await using var server = await TeamServer.StartAsync((http, _) =>
        {
            http.Users = [User("ana", "analyst", "ana-token-3")];
            http.RateLimit = new HttpRateLimit { PermitsPerWindow = 2, WindowSeconds = 3600 }; // cannot roll over during the test
        });
        for (var i = 0; i < 2; i++)
        {
            using var ok = await server.PostInitializeAsync("ana-token-3");
            ok.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var limited = await server.PostInitializeAsync("ana-token-3");
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var entry = Entries(server).Should().ContainSingle(e => Text(e, "kind") == "refused").Subject;
        (Text(entry, "user"), Text(entry, "tool"), Text(entry, "outcome")).Should().Be(("ana", null, "refused: rate limit: more than 2 requests in 3600 s"));
    }

    [Fact]
    public async Task AnExpiredJwt_OfTheIssuer_IsAuditedForItsUser_AForgedOneIsNot()
    {
        using var issuer = new TestIssuer();
        using var stranger = new TestIssuer("key-1"); // same key id, another key
        await using var server = await TeamServer.StartAsync((http, temp) =>
        {
            http.Jwt.Issuer = TestIssuer.Issuer;
            http.Jwt.Audience = TestIssuer.Audience;
            http.Jwt.SigningKeysFile = issuer.WriteJwks(temp);
        });
        var now = server.Time.GetUtcNow();

        // Expired two hours ago (issued three hours ago for one hour), beyond the 60 s default skew.
        using var expired = await server.PostInitializeAsync(issuer.Token("dora", ["analyst"], now.AddHours(-3), TimeSpan.FromHours(1)));
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var forged = await server.PostInitializeAsync(stranger.Token("mallory", ["approver"], now.AddHours(-3), TimeSpan.FromHours(1)));
        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var otherAudience = await server.PostInitializeAsync(issuer.Token("erin", ["viewer"], now, TimeSpan.FromHours(1), audience: "another-service"));
        otherAudience.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var refused = Entries(server).Where(e => Text(e, "kind") == "refused").Select(e => (Text(e, "user"), Text(e, "outcome"))).ToList();
        refused.Should().Equal(
            ("dora", "refused: token refused: it has expired"),
            ("erin", "refused: token refused: its audience (aud) is not this server's"));
    }
}
