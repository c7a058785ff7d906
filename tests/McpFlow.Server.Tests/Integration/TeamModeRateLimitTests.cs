using System.Net;
using System.Security.Cryptography;
using System.Text;
using McpFlow.Core.Configuration;
using McpFlow.Server.Tests.Support;

namespace McpFlow.Server.Tests.Integration;

/// <summary>The per-user rate limit of the team mode: a fixed window per user; over it, 429 with Retry-After.</summary>
public sealed class TeamModeRateLimitTests
{
    private static HttpUser User(string name, string token) =>
        new() { Name = name, Role = "viewer", TokenSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))) };

    [Fact]
    public async Task AUserOverTheLimit_Gets429_WhileAnotherUserIsServed()
    {
        // Three requests per hour-long window: the four requests below take far less than an hour, so the window
        // cannot roll over between them (the limiter keeps its own clock).
        await using var server = await TeamServer.StartAsync((http, _) =>
        {
            http.Users = [User("ana", "ana-token"), User("bea", "bea-token")];
            http.RateLimit = new HttpRateLimit { PermitsPerWindow = 3, WindowSeconds = 3600 };
        });

        for (var i = 0; i < 3; i++)
        {
            using var ok = await server.PostInitializeAsync("ana-token");
            ok.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var limited = await server.PostInitializeAsync("ana-token");
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var text = await limited.Content.ReadAsStringAsync();
        text.Should().StartWith("Rate limit: user 'ana' made more than 3 requests in 3600 s. Retry in ");
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 3600);
        using var other = await server.PostInitializeAsync("bea-token");
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithoutUsers_ThereIsNoLimit_AsBefore()
    {
        await using var server = await TeamServer.StartAsync((http, _) => http.RateLimit = new HttpRateLimit { PermitsPerWindow = 1, WindowSeconds = 3600 }, sharedToken: "shared");
        for (var i = 0; i < 3; i++)
        {
            using var ok = await server.PostInitializeAsync("shared");
            ok.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
