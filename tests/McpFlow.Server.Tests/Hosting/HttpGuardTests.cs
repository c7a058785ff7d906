using McpFlow.Core.Configuration;
using McpFlow.Core.Identity;
using McpFlow.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace McpFlow.Server.Tests.Hosting;

public sealed class HttpGuardTests
{
    private static async Task<int> StatusFor(HttpGuard guard, string host, string? origin = null, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        if (origin is not null) context.Request.Headers.Origin = origin;
        if (authorization is not null) context.Request.Headers.Authorization = authorization;
        context.Response.Body = new MemoryStream();
        var reached = false;
        await guard.InvokeAsync(context, _ => { reached = true; return Task.CompletedTask; });
        return reached ? 200 : context.Response.StatusCode;
    }

    [Fact]
    public void NonLoopbackBind_WithoutToken_IsRefused()
    {
        HttpGuard.Create(new HttpOptions { Urls = "http://0.0.0.0:3001" }, token: null, out var error);
        error.Should().Contain("MCPFLOW_HTTP_TOKEN");
    }

    [Fact]
    public void NonLoopbackBind_WithUsersOrJwtsInsteadOfAToken_IsAllowed()
    {
        var users = new HttpOptions
        {
            Urls = "http://0.0.0.0:3001",
            Users = [new HttpUser { Name = "ana", Role = "analyst", TokenSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" }],
        };
        HttpGuard.Create(users, token: null, out var error).RequiresToken.Should().BeTrue();
        error.Should().BeNull();
        var jwt = new HttpOptions { Urls = "http://0.0.0.0:3001", Jwt = { Issuer = "https://issuer.test", Audience = "mcpflow", Authority = "https://issuer.test" } };
        HttpGuard.Create(jwt, token: null, out error).RequiresToken.Should().BeTrue();
        error.Should().BeNull();
    }

    [Fact]
    public async Task AUsersToken_Passes_AndBecomesTheRequestsPrincipal()
    {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        var options = new HttpOptions { Users = [new HttpUser { Name = "ana", Role = "analyst", TokenSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" }] };
        var guard = HttpGuard.Create(options, token: null, out _);
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("127.0.0.1:3001");
        context.Request.Headers.Authorization = "Bearer abc";
        Caller? seen = null;
        await guard.InvokeAsync(context, c => { seen = CallerClaims.From(c.User); return Task.CompletedTask; });
        seen.Should().Be(new Caller("ana", UserRole.Analyst, MaySelfApprove: false));
    }

    [Fact]
    public void LoopbackBind_WithoutToken_IsAllowed()
    {
        HttpGuard.Create(new HttpOptions { Urls = "http://127.0.0.1:3001;http://localhost:3002" }, token: null, out var error);
        error.Should().BeNull();
    }

    [Theory]
    [InlineData(null, 200)]
    [InlineData("http://localhost:6274", 200)]
    [InlineData("http://127.0.0.1", 200)]
    [InlineData("https://evil.example", 403)]
    [InlineData("http://localhost.evil.example", 403)]
    [InlineData("http://[::1]:6274", 200)]
    [InlineData("http://[::1].evil.example", 403)]
    [InlineData("http://127.0.0.1@evil.example", 403)]
    [InlineData("null", 403)]
    public async Task Origin_MustBeLoopbackOrAllowed(string? origin, int expected)
    {
        var guard = HttpGuard.Create(new HttpOptions(), null, out _);
        (await StatusFor(guard, "127.0.0.1:3001", origin)).Should().Be(expected);
    }

    [Fact]
    public async Task ConfiguredOrigin_IsAllowed()
    {
        var guard = HttpGuard.Create(new HttpOptions { AllowedOrigins = ["https://app.example.com"] }, null, out _);
        (await StatusFor(guard, "127.0.0.1:3001", "https://app.example.com")).Should().Be(200);
    }

    [Fact]
    public async Task LoopbackBind_RejectsForeignHostHeader_DnsRebinding()
    {
        var guard = HttpGuard.Create(new HttpOptions(), null, out _);
        (await StatusFor(guard, "attacker.example:3001")).Should().Be(403);
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("Bearer wrong", 401)]
    [InlineData("Basic c2VjcmV0", 401)]
    [InlineData("Bearer s3cret-token", 200)]
    public async Task Token_IsRequired_WhenConfigured(string? authorization, int expected)
    {
        var guard = HttpGuard.Create(new HttpOptions { Urls = "http://0.0.0.0:3001" }, "s3cret-token", out var error);
        error.Should().BeNull();
        (await StatusFor(guard, "10.1.2.3:3001", null, authorization)).Should().Be(expected);
    }
}
