using System.Net;
using McpFlow.Server.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Integration;

/// <summary>HTTP team mode with JWTs of a local issuer (a key made in the test, its JWKS file configured; no network),
/// lifetimes checked against the server's fake clock.</summary>
public sealed class TeamModeJwtTests : IAsyncLifetime
{
    private readonly TestIssuer _issuer = new();
    private readonly TestIssuer _stranger = new("key-1"); // same key id, another key: as a forged token would look
    private TeamServer _server = null!;

    private DateTimeOffset Now => _server.Time.GetUtcNow();

    public async Task InitializeAsync() =>
        _server = await TeamServer.StartAsync((http, temp) =>
        {
            http.Jwt.Issuer = TestIssuer.Issuer;
            http.Jwt.Audience = TestIssuer.Audience;
            http.Jwt.SigningKeysFile = _issuer.WriteJwks(temp);
        });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _issuer.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public async Task AValidToken_NamesTheUserAndRole()
    {
        var token = _issuer.Token("dora", ["analyst"], Now.AddMinutes(-5), TimeSpan.FromHours(1));
        await using var dora = await _server.ConnectAsync(token);

        var load = await dora.Client.CallToolAsync("data_load", new Dictionary<string, object?> { ["path"] = Path.Combine(_server.Temp, "missing.csv") });
        load.Text().Should().NotContain("needs the role", "an analyst may load");
        var decide = await dora.Client.CallToolAsync("workbench_decide", new Dictionary<string, object?> { ["run_id"] = "run-20261203-080000-ab12cd", ["decision"] = "approve" });
        decide.Text().Should().Contain("User 'dora' has the role analyst; workbench_decide needs the role approver.");
    }

    [Fact]
    public async Task TheHighestMcpFlowRole_OfTheRoleClaim_Counts()
    {
        var token = _issuer.Token("eve", ["unrelated", "viewer", "approver"], Now, TimeSpan.FromHours(1));
        await using var eve = await _server.ConnectAsync(token);
        (await eve.Client.ListToolsAsync()).Select(t => t.Name).Should().Contain("workbench_decide");
    }

    [Fact]
    public async Task AToken_ExpiresWithTheServersClock()
    {
        // Valid for one hour from the server's (fake) now; the clock skew tolerated is 60 s (the default).
        var token = _issuer.Token("dora", ["viewer"], Now, TimeSpan.FromHours(1));
        using (var fresh = await _server.PostInitializeAsync(token))
            fresh.StatusCode.Should().Be(HttpStatusCode.OK);

        _server.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(61));

        using var expired = await _server.PostInitializeAsync(token);
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await expired.Content.ReadAsStringAsync()).Should().Be("Bearer token refused: it has expired.");
    }

    [Fact]
    public async Task ATokenForAnotherAudience_IsRefused()
    {
        using var response = await _server.PostInitializeAsync(_issuer.Token("dora", ["viewer"], Now, TimeSpan.FromHours(1), audience: "another-app"));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be("Bearer token refused: its audience (aud) is not this server's.");
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKey_IsRefused()
    {
        using var response = await _server.PostInitializeAsync(_stranger.Token("dora", ["approver"], Now, TimeSpan.FromHours(1)));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be("Bearer token refused: its signature does not verify with the issuer's keys.");
    }

    [Fact]
    public async Task ATokenWithoutAnMcpFlowRole_IsForbidden()
    {
        using var response = await _server.PostInitializeAsync(_issuer.Token("dora", ["admin"], Now, TimeSpan.FromHours(1)));
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("claim 'roles' must include one of viewer, analyst, approver");
    }
}
